/** A small code book and a harness that keeps the panel's selection, for the code book tests. */
import { useState } from 'react';
import { vi } from 'vitest';
import type { ApiClient } from '../../renderer/api/client.js';
import type { CodeImpact, CodeWithCounts } from '../../shared/api/types.js';
import type { CodeRecord } from '../../shared/types.js';
import { CodeBookPanel } from '../../renderer/codebook/CodeBookPanel.js';
import { fakeWorkspace, renderIn } from './fake-workspace.js';

/** The fixture's GUID for a code path (readable in assertions; the panel never parses it). */
export const g = (path: string) => `g:${path}`;

let nextId = 1;
function code(path: string, parentId: number | null, position: number, extra: Partial<CodeWithCounts> = {}): CodeWithCounts {
  const name = path.split('/').pop()!;
  const id = nextId++;
  return {
    id,
    guid: g(path),
    parentId,
    name,
    path,
    color: '#3366cc',
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    position,
    own: id,
    total: id * 2,
    ...extra,
  };
}

/** Dynamic security > (Rapport, Boundaries > Over-familiarity, Discretion); Respect; No snitching. */
export function sampleCodes(): CodeWithCounts[] {
  nextId = 1;
  const ds = code('Dynamic security', null, 0);
  const rapport = code('Dynamic security/Rapport', ds.id, 0);
  const boundaries = code('Dynamic security/Boundaries', ds.id, 1);
  const over = code('Dynamic security/Boundaries/Over-familiarity', boundaries.id, 0);
  const discretion = code('Dynamic security/Discretion', ds.id, 2);
  const respect = code('Respect', null, 1, { definition: 'Mutual regard between staff and prisoners' });
  const snitch = code('No snitching', null, 2);
  return [ds, rapport, boundaries, over, discretion, respect, snitch];
}

const saved = (name: string): CodeRecord => ({
  id: 99,
  guid: g(name),
  parentId: null,
  name,
  path: name,
  color: '#3366cc',
  definition: '',
  inclusion: '',
  exclusion: '',
  example: '',
  position: 0,
});
const impact = async ({ code }: { code: string }): Promise<CodeImpact> => ({ guid: code, code, subcodes: 1, codings: 4 });

/** The code book panel's calls, recorded; each is checked against the contract (`satisfies`), and a test may replace any. */
export function api<O extends Partial<ApiClient>>(overrides: O = {} as O) {
  const calls = {
    'codebook.create': vi.fn(async ({ name }: { name: string }) => saved(name)),
    'codebook.update': vi.fn(async ({ code }: { code: string }) => saved(code)),
    'codebook.move': vi.fn(async () => null),
    'codebook.merge': vi.fn(async () => ({ moved: 0, collapsed: 0 })),
    'codebook.deletionImpact': vi.fn(impact),
    'codebook.delete': vi.fn(impact),
    'memos.get': vi.fn(async (): Promise<string | null> => null),
    'memos.set': vi.fn(async () => null),
  } satisfies Partial<ApiClient>;
  return { ...calls, ...overrides };
}

export type PanelCalls = ReturnType<typeof api<object>>;

export function renderPanel(opts: { codes?: CodeWithCounts[]; selected?: string | null; calls?: PanelCalls; counting?: string } = {}) {
  const codes = opts.codes ?? sampleCodes();
  const calls = opts.calls ?? api();
  const ws = fakeWorkspace(calls);
  const onApply = vi.fn();
  const onSelect = vi.fn();
  function Harness() {
    const [selected, setSelected] = useState<string | null>(opts.selected ?? null);
    return (
      <CodeBookPanel
        codes={codes}
        {...(opts.counting && { counting: opts.counting })}
        pinned={[codes[1]!, codes[2]!]}
        onApply={onApply}
        selected={selected}
        onSelect={(p) => {
          onSelect(p);
          setSelected(p);
        }}
      />
    );
  }
  const r = renderIn(ws, <Harness />);
  return { ...r, ws, calls, onApply, onSelect, codes };
}
