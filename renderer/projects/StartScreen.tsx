/** Browser mode with no project open: create one, open one by its path, or pick a recent one. */
import { useState } from 'react';
import type { ProjectsView } from '../../shared/api/types-projects.js';
import type { ApiClient } from '../api/client.js';
import { ProjectsForm } from './ProjectsForm.js';
import './projects.css';

export function StartScreen({ api, view, onOpened }: { api: ApiClient; view: ProjectsView; onOpened(view: ProjectsView): void }) {
  const [now, setNow] = useState(view);
  return (
    <main className="pj-start" aria-labelledby="pj-title">
      <header className="pj-head">
        <img src="./favicon.svg" alt="" width={32} height={32} />
        <div>
          <h1 id="pj-title">Marginalia</h1>
          <p className="meta">
            {now.offered ? (
              <>
                No project at <span className="pj-where">{now.offered}</span> yet: create it there, or open another.
              </>
            ) : (
              'No project is open. Create one, or open one you have.'
            )}
          </p>
        </div>
      </header>
      <ProjectsForm api={api} view={now} onView={setNow} onOpened={onOpened} />
    </main>
  );
}
