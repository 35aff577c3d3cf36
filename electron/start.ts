/**
 * `npm start` until the desktop shell lands: makes sure the demo project exists (built from
 * fixtures/ on first run), then prints where it is and what it holds. The Electron window and
 * the browser-mode workspace replace this entry point in later issues.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildDemoProject } from './services/demo.js';
import { documents } from './services/documents.js';
import { projectInfo } from './services/project.js';
import { closeSession, openSession, type Session } from './services/session.js';
import { demoProjectPath } from './services/paths.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const requested = process.argv[2];
const path = requested ?? demoProjectPath();

let session: Session;
if (!requested && !existsSync(path)) {
  mkdirSync(dirname(path), { recursive: true });
  session = await buildDemoProject(path, fixtures);
  console.log(`Built the demo project from fixtures/: ${path}`);
} else {
  session = openSession(path);
}
try {
  const info = projectInfo(session);
  console.log(`Project: ${info.name}  (${info.path})`);
  console.log(`${info.documents} documents, ${info.codes} codes, ${info.codings} codings by ${info.coders.join(', ') || 'nobody yet'}`);
  for (const d of documents(session)) console.log(`  ${d.name.padEnd(22)} ${String(d.length).padStart(6)} units  ${String(d.turns).padStart(3)} turns  ${d.caseName ?? ''}`);
  console.log('\nThe desktop workspace is not built yet; use the CLI meanwhile, for example:');
  console.log(`  npx marginalia retrieve "${path}" --code "Dynamic security/Boundaries" --descendants`);
  console.log(`  npx marginalia search "${path}" "first name"`);
} finally {
  closeSession(session);
}
