/**
 * Smoke test of the real desktop app through Playwright's Electron driver: open a fresh project
 * in Electron, import a fixture and apply a code through the page's `window.marginalia` (the
 * preload → IPC → sender check → services path), and check both in the SQLite file.
 *
 * It needs Electron's binary, which `npm start` downloads on first run. Where there is none
 * (as on the machine this was written on, which cannot reach Electron's download site) it is
 * SKIPPED with that reason — reported as not run, never as passed.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleShell } from '../../electron/launch/bundle.js';
import { electronBinary, electronVersion } from '../../electron/launch/electron-binary.js';
import { ensureElectronSqlite } from '../../electron/launch/native-build.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession } from '../../electron/services/session.js';
import { ROOT } from './workspace.js';

const exe = electronBinary(ROOT);

test('Electron: open a project, import a fixture, apply a code, and find both in the file', async () => {
  test.skip(!exe, 'NOT RUN: no Electron binary in node_modules/electron/dist (npm start downloads it where github.com is reachable)');
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-electron-'));
  const project = join(dir, 'smoke.marginalia');
  closeSession(initProject(project, { actor: 'smoke' }));
  await bundleShell(ROOT);
  const binding = ensureElectronSqlite(ROOT, electronVersion(ROOT));
  const app = await electron.launch({
    executablePath: exe!,
    args: [ROOT, project],
    env: { ...process.env, MARGINALIA_SQLITE_BINDING: binding, MARGINALIA_HOME: dir, ELECTRON_ENABLE_LOGGING: '1' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/smoke\.marginalia — Marginalia/);
    // The page has the typed API object and no Node.
    expect(
      await page.evaluate(() => ({
        api: typeof window.marginalia,
        req: typeof (globalThis as { require?: unknown }).require,
        proc: typeof (globalThis as { process?: unknown }).process,
      })),
    ).toEqual({
      api: 'object',
      req: 'undefined',
      proc: 'undefined',
    });
    const base64 = readFileSync(join(ROOT, 'fixtures', 'transcripts', 'co-01.txt')).toString('base64');
    const result = await page.evaluate(async (b64) => {
      const api = window.marginalia!;
      const imported = await api['documents.import']({ files: [{ name: 'co-01.txt', base64: b64 }] });
      const coder = await api['coders.add']({ name: 'Smoke' });
      const codes = await api['codebook.list']({});
      if (!imported.ok || !coder.ok || !codes.ok) return { imported: imported.ok, applied: false, refused: 'setup failed' };
      // Items by GUID, as the contract takes them.
      const ids = {
        document: imported.data.imported[0]!.guid,
        code: codes.data.find((c) => c.path === 'Dynamic security/Rapport')!.guid,
        coder: coder.data.guid,
      };
      const applied = await api['codings.apply']({ ...ids, start: 0, end: 10 });
      const refused = await api['codings.apply']({ ...ids, start: -5, end: 10 });
      return { imported: imported.ok, applied: applied.ok, refused: refused.ok ? 'ok' : refused.error.code };
    }, base64);
    expect(result).toEqual({ imported: true, applied: true, refused: 'invalid_input' });
    await page.reload();
    await expect(page.getByText('co-01.txt').first()).toBeVisible();
  } finally {
    await app.close();
  }
  const db = new Database(project, { readonly: true });
  try {
    expect(db.prepare('SELECT name FROM documents').all()).toEqual([{ name: 'co-01.txt' }]);
    expect(db.prepare('SELECT start, "end" FROM codings').all()).toEqual([{ start: 0, end: 10 }]);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
