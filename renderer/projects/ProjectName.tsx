/** The toolbar's project: its name, and where its file is (always on screen, not only in a tooltip). */
import type { ProjectInfoView } from '../../shared/api/types.js';
import './projects.css';

export function ProjectName({ info }: { info: ProjectInfoView | null }) {
  return (
    <span className="project" title={info?.path ? `${info.name} — ${info.path}` : undefined}>
      <span className="pj-title">{info?.name ?? 'Marginalia'}</span>
      {info?.path && (
        // Cut at its start when long (the file's own name is at the end); the mark keeps a leading "/" in place.
        <span className="pj-file" data-testid="project-path">
          {`\u200e${info.path}\u200e`}
        </span>
      )}
    </span>
  );
}
