/**
 * New project, Open project and the recent ones, by path on this computer (browser mode runs on
 * the user's own machine: the bridge answers only 127.0.0.1 with this run's token). Shared by the
 * start screen and the File menu's Projects dialog; `onOpened` gets the new state.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ProjectsView } from '../../shared/api/types-projects.js';
import type { ApiClient } from '../api/client.js';
import { ApiCallError } from '../api/client.js';

export interface ProjectsFormProps {
  api: ApiClient;
  view: ProjectsView;
  onView(view: ProjectsView): void;
  /** A project is open now (created or opened). */
  onOpened(view: ProjectsView): void;
}

const sep = (folder: string) => (folder.includes('\\') && !folder.includes('/') ? '\\' : '/');
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ProjectsForm({ api, view, onView, onOpened }: ProjectsFormProps) {
  const id = useId();
  const [newPath, setNewPath] = useState(view.offered ?? `${view.folder}${sep(view.folder)}`);
  const [openPath, setOpenPath] = useState('');
  const [problem, setProblem] = useState<{ where: 'new' | 'open' | 'recent'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (where: 'new' | 'open' | 'recent', call: () => Promise<ProjectsView>, opens = true) => {
    setBusy(true);
    setProblem(null);
    try {
      const v = await call();
      if (opens) onOpened(v);
      else onView(v);
    } catch (e) {
      setProblem({ where, message: e instanceof ApiCallError ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    void act('new', () => api['projects.create']({ path: newPath }));
  };
  const open = (e: FormEvent) => {
    e.preventDefault();
    void act('open', () => api['projects.open']({ path: openPath }));
  };
  const said = (where: 'new' | 'open' | 'recent') =>
    problem?.where === where && (
      <p role="alert" className="pj-problem">
        {problem.message}
      </p>
    );

  return (
    <div className="pj-form">
      <form className="pj-card" aria-labelledby={`${id}-new`} onSubmit={create}>
        <h2 id={`${id}-new`}>New project</h2>
        <label htmlFor={`${id}-newpath`}>Project file (a new .marginalia file; the folder must exist)</label>
        <input id={`${id}-newpath`} className="pj-path" value={newPath} spellCheck={false} onChange={(e) => setNewPath(e.currentTarget.value)} />
        <p className="meta">Starts with the dynamic-security code book; the name is the file’s name.</p>
        {said('new')}
        <button type="submit" className="primary" disabled={busy || !newPath.trim()}>
          Create project
        </button>
      </form>
      <form className="pj-card" aria-labelledby={`${id}-open`} onSubmit={open}>
        <h2 id={`${id}-open`}>Open project</h2>
        <label htmlFor={`${id}-openpath`}>Project file</label>
        <input
          id={`${id}-openpath`}
          className="pj-path"
          value={openPath}
          placeholder={`${view.folder}${sep(view.folder)}study.marginalia`}
          spellCheck={false}
          onChange={(e) => setOpenPath(e.currentTarget.value)}
        />
        <p className="meta">The full path of a project file on this computer.</p>
        {said('open')}
        <button type="submit" disabled={busy || !openPath.trim()}>
          Open project
        </button>
      </form>
      <section className="pj-card pj-recent" aria-labelledby={`${id}-recent`}>
        <h2 id={`${id}-recent`}>Recent projects</h2>
        {view.recent.length === 0 ? (
          <p className="meta">None yet: projects you create or open here are listed.</p>
        ) : (
          <ul aria-labelledby={`${id}-recent`}>
            {view.recent.map((r) => (
              <li key={r.path} className={r.exists ? '' : 'pj-missing'}>
                <button
                  type="button"
                  className="pj-open"
                  disabled={busy || !r.exists || r.path === view.open}
                  title={r.path}
                  onClick={() => void act('recent', () => api['projects.open']({ path: r.path }))}
                >
                  <span className="pj-name">{r.name}</span>
                  <span className="pj-where">{r.path}</span>
                  <span className="meta">{r.path === view.open ? 'open now' : r.exists ? `opened ${when(r.openedAt)}` : 'not found: moved or deleted'}</span>
                </button>
                <button
                  type="button"
                  className="pj-forget"
                  aria-label={`Remove ${r.name} from the recent list`}
                  title="Remove from this list (the file stays)"
                  disabled={busy}
                  onClick={() => void act('recent', () => api['projects.forget']({ path: r.path }), false)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {said('recent')}
      </section>
    </div>
  );
}
