/**
 * The export dialog's choices and the excerpts.export arguments they stand for (pure, so the
 * mapping is tested without a page). The Retrieval panel opens the dialog with a preset: what it
 * shows, down to the codings listed.
 */
import type { ApiArgs } from '../../shared/api/contract.js';
import { parsePseudonymMap } from '../../shared/excerpts/pseudonyms.js';
import type { ExcerptFormat, ExcerptTemplate } from '../../shared/excerpts/types.js';

export interface ExcerptPreset {
  codes: string[];
  descendants: boolean;
  coders?: string[];
  documents?: string[];
  where?: Record<string, string>;
  codings?: string[];
  /** What the preset is, for the dialog's first line ("The 6 segments shown in Retrieval"). */
  label: string;
}

export interface ExcerptChoice {
  /** subtree: one code and everything under it; list: the ticked codes only. */
  codeMode: 'subtree' | 'list';
  subtree: string;
  list: string[];
  /** 'all', 'consensus' or a coder's GUID. */
  whose: string;
  /** Which part of the data: everything, some documents, some cases, or cases with an attribute value. */
  scope: 'all' | 'documents' | 'cases' | 'attribute';
  documents: string[];
  cases: string[];
  attribute: string;
  value: string;
  template: ExcerptTemplate;
  format: ExcerptFormat;
  /** Attribute names shown in attributions. */
  attributes: string[];
  speakers: boolean;
  memos: boolean;
  pseudonymise: boolean;
  /** "find,replace" lines. */
  pseudonyms: string;
}

export const initialChoice = (firstCode: string, attributes: string[]): ExcerptChoice => ({
  codeMode: 'subtree',
  subtree: firstCode,
  list: [],
  whose: 'all',
  scope: 'all',
  documents: [],
  cases: [],
  attribute: '',
  value: '',
  template: 'snippet',
  format: 'docx',
  attributes: attributes.slice(0, 2),
  speakers: false,
  memos: false,
  pseudonymise: false,
  pseudonyms: '',
});

export type ExportArgs = Omit<ApiArgs<'excerpts.export'>, 'format'>;

/** The pseudonym lines as pairs; a header line "find,replace" is optional here. */
export function pseudonymPairs(text: string): [string, string][] {
  const body = text.trim();
  if (!body) return [];
  const withHeader = /^find\s*,\s*replace\s*$/im.test(body.split('\n')[0]!) ? body : `find,replace\n${body}`;
  return parsePseudonymMap(withHeader, 'Pseudonyms');
}

/** The call's arguments, or a reason the choice cannot be exported yet. */
export function exportArgs(c: ExcerptChoice, preset: ExcerptPreset | undefined, viewer: string | undefined): ExportArgs | { problem: string } {
  const scope: Partial<ExportArgs> = preset
    ? {
        codes: preset.codes,
        descendants: preset.descendants,
        ...(preset.coders && { coders: preset.coders }),
        ...(preset.documents && { documents: preset.documents }),
        ...(preset.where && { where: preset.where }),
        ...(preset.codings && { codings: preset.codings }),
      }
    : {
        codes: c.codeMode === 'subtree' ? (c.subtree ? [c.subtree] : []) : c.list,
        descendants: c.codeMode === 'subtree',
        ...(c.whose === 'consensus' ? { consensus: true } : c.whose !== 'all' && { coders: [c.whose] }),
        ...(c.scope === 'documents' && { documents: c.documents }),
        ...(c.scope === 'cases' && { cases: c.cases }),
        ...(c.scope === 'attribute' && c.attribute && c.value && { where: { [c.attribute]: c.value } }),
      };
  if (!scope.codes?.length) return { problem: 'Choose at least one code.' };
  if (!preset && c.scope === 'documents' && c.documents.length === 0) return { problem: 'Tick at least one document.' };
  if (!preset && c.scope === 'cases' && c.cases.length === 0) return { problem: 'Tick at least one case.' };
  if (!preset && c.scope === 'attribute' && !(c.attribute && c.value)) return { problem: 'Choose an attribute and its value.' };
  let replace: [string, string][] = [];
  if (c.pseudonymise) {
    try {
      replace = pseudonymPairs(c.pseudonyms);
    } catch (e) {
      return { problem: e instanceof Error ? e.message : String(e) };
    }
  }
  return {
    ...(scope as ExportArgs),
    template: c.template,
    ...(c.attributes.length && { attributes: c.attributes }),
    ...(c.speakers && { speakers: true }),
    ...(c.memos && { memos: true }),
    ...(c.pseudonymise && { pseudonymise: { replace } }),
    ...(viewer && { viewer }),
  };
}
