/**
 * The demo project for the Electron shell (which reaches projects only through doors): built once
 * by the demo service from the fixtures, then opened through the one door like any other file.
 */
import { buildDemoProject } from '../services/demo.js';
import { closeSession } from '../services/session.js';
import { openProjectDoor, type ProjectDoor } from './door.js';

export { demoProjectPath } from '../services/paths.js';

export async function buildDemoDoor(path: string, fixturesDir: string, actor: string): Promise<ProjectDoor> {
  closeSession(await buildDemoProject(path, fixturesDir, actor));
  return openProjectDoor(path, actor);
}
