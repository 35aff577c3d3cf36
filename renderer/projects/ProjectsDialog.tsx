/** File > Projects…: where the open project is, and New, Open, recent or Close (browser mode). */
import { useEffect, useState } from 'react';
import type { ProjectsView } from '../../shared/api/types-projects.js';
import { Dialog } from '../workspace/Dialog.js';
import type { FileDialogProps } from '../workspace/file-dialog.js';
import { useWorkspace } from '../workspace/context.js';
import { ProjectsForm } from './ProjectsForm.js';
import './projects.css';

export function ProjectsDialog({ onClose }: FileDialogProps) {
  const { api, run } = useWorkspace();
  const [view, setView] = useState<ProjectsView | null>(null);
  useEffect(() => {
    void run(api['projects.current']()).then((v) => v && setView(v));
  }, [api, run]);
  const close = async () => {
    if (await run(api['projects.close']())) window.location.reload();
  };
  return (
    <Dialog
      title="Projects"
      className="pj-dialog"
      onCancel={onClose}
      actions={
        <>
          {view?.canSwitch && (
            <button type="button" onClick={() => void close()}>
              Close this project
            </button>
          )}
          <button type="button" onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      {view && (
        <>
          <p>
            Open now: <span className="pj-where">{view.open}</span>
          </p>
          {view.canSwitch ? (
            <ProjectsForm api={api} view={view} onView={setView} onOpened={() => window.location.reload()} />
          ) : (
            <p className="meta">In the desktop app, projects are created and opened from the File menu in the menu bar, each in its own window.</p>
          )}
        </>
      )}
    </Dialog>
  );
}
