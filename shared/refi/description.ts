/**
 * A code's definition, inclusion and exclusion criteria and example travel in REFI's one
 * `Description`: the definition first, then each non-empty field as its own paragraph starting
 * with a fixed label. Import splits on the same labels; a Description without labels is all
 * definition.
 */
export interface CodeDescriptionFields {
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
}

export const DESCRIPTION_LABELS = {
  inclusion: 'Inclusion criteria:',
  exclusion: 'Exclusion criteria:',
  example: 'Example:',
} as const;

export function composeDescription(f: CodeDescriptionFields): string {
  const parts: string[] = [];
  if (f.definition.trim()) parts.push(f.definition.trim());
  for (const key of ['inclusion', 'exclusion', 'example'] as const) {
    if (f[key].trim()) parts.push(`${DESCRIPTION_LABELS[key]} ${f[key].trim()}`);
  }
  return parts.join('\n\n');
}

export function parseDescription(text: string): CodeDescriptionFields {
  const out: CodeDescriptionFields = { definition: '', inclusion: '', exclusion: '', example: '' };
  const labels = Object.entries(DESCRIPTION_LABELS) as [keyof typeof DESCRIPTION_LABELS, string][];
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n\n(?=(?:Inclusion criteria|Exclusion criteria|Example):)/);
  const def: string[] = [];
  for (const p of paragraphs) {
    const hit = labels.find(([, label]) => p.startsWith(label));
    if (hit) out[hit[0]] = p.slice(hit[1].length).trim();
    else def.push(p);
  }
  out.definition = def.join('\n\n').trim();
  return out;
}
