/**
 * The page's root: the workspace when a project is open, the start screen when none is (browser
 * mode started on a path that does not exist yet, or a project was closed). The desktop app always
 * has one open (a window per project). Opening another project reloads the page, so every panel
 * starts fresh on it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { ProjectsView } from '../../shared/api/types-projects.js';
import { createApiClient, pickTransport } from '../api/client.js';
import { StartScreen } from './StartScreen.js';

export function ProjectGate({ children }: { children: ReactNode }) {
  const [api] = useState(() => createApiClient(pickTransport()));
  // undefined: asking; null: the answer did not come (an older host): show the workspace as before.
  const [view, setView] = useState<ProjectsView | null | undefined>(undefined);
  useEffect(() => {
    api['projects.current']().then(setView, () => setView(null));
  }, [api]);
  if (view === undefined) return null;
  if (view && view.open === null) return <StartScreen api={api} view={view} onOpened={() => window.location.reload()} />;
  return <>{children}</>;
}
