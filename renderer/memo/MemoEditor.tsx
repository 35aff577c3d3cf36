/** STUB — being written: a Lexical rich-text memo editor that saves as you type. */
export type MemoTarget = { kind: 'project' } | { kind: 'document' | 'code' | 'case'; name: string } | { kind: 'coding'; guid: string; body: string | null };

export interface MemoEditorProps {
  target: MemoTarget;
  /** Accessible name, e.g. 'Memo on code Rapport'. */
  label: string;
}

export function MemoEditor({ label }: MemoEditorProps) {
  return <div aria-label={label} />;
}
