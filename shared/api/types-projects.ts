/** What the projects methods answer (shared/api/methods/projects.ts). */

export interface RecentProject {
  path: string;
  /** The file's name without its folder and extension. */
  name: string;
  /** When it was last opened (ISO 8601). */
  openedAt: string;
  /** False when the file is no longer there (moved or deleted). */
  exists: boolean;
}

export interface ProjectsView {
  /** The open project's full path, or null when none is open (the start screen). */
  open: string | null;
  /** Most recently opened first. */
  recent: RecentProject[];
  /** A path given on the command line that does not exist yet: offered for "New project". */
  offered: string | null;
  /** Where new projects go by default (the user's documents folder). */
  folder: string;
  /** False where the host opens projects itself (the desktop app's File menu). */
  canSwitch: boolean;
}
