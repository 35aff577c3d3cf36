/**
 * Assembling the export: themes in code-book order, each with its prevalence line and its
 * quotes in document order, attributed; the glance template's sections from the project memo
 * and the counts of what was studied. Pure, so every format renders the same model.
 */
import { prevalenceLine } from '../analysis/frequencies.js';
import { attribution, caseLabeller, quoteText, replacer, whereLabel, type RawQuote } from './quote.js';
import type { ExcerptModel, ExcerptQuote, ExcerptTemplate, ExcerptTheme, MemoSection, Prevalence, Pseudonyms } from './types.js';

export interface ThemeInput {
  guid: string;
  path: string;
  name: string;
  /** Depth in the code book (0: top level). */
  depth: number;
  definition: string;
  prevalence: Prevalence | null;
}

export interface SegmentInput extends RawQuote {
  codeGuid: string;
  codePath: string;
  document: string;
  end: number;
  lineStart: number;
  lineEnd: number;
  /** Subtitle documents: the cues' times around the span. */
  time: { beginMs: number; endMs: number } | null;
  coder: string;
  caseName: string | null;
  speaker: string | null;
  memo: string | null;
  /** This case's attribute values by attribute name. */
  attributes: Record<string, string>;
}

export interface StudyCounts {
  documents: number;
  cases: number;
  /** For each chosen attribute: its values among the cases studied, most frequent first. */
  attributes: { name: string; values: [string, number][] }[];
}

export interface ModelInput {
  template: ExcerptTemplate;
  title?: string;
  project: string;
  /** The project's own name (from its settings), the title's last fallback before the file name. */
  projectName?: string | undefined;
  date: string;
  coders: string;
  themes: ThemeInput[];
  segments: SegmentInput[];
  attributes: string[];
  study: StudyCounts;
  projectMemo: string | null;
  keepSpeakers: boolean;
  withMemos: boolean;
  maxChars: number;
  /** Quotes per theme; 0: all. */
  maxQuotes: number;
  pseudonyms: Pseudonyms | null;
  /** Every case name in project order (numbers "Participant N" stably). */
  caseOrder: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Coded in 20 of 34 interviews (59%)" (documents) or "Coded for 20 of 34 participants (59%)" (cases): the numbers and wording of the analysis view (shared/analysis). */
export function prevalenceText(p: Prevalence | null): string {
  if (!p || p.total === 0) return '';
  return `${p.unit === 'cases' ? 'Coded for' : 'Coded in'} ${prevalenceLine(p.count, p.total, p.label)}`;
}

/** "## Heading" (or #, ###) lines split the project memo; text before the first heading is kept as "Notes". */
export function memoSections(memo: string | null): { title: string | null; sections: MemoSection[] } {
  if (!memo?.trim()) return { title: null, sections: [] };
  let title: string | null = null;
  const sections: MemoSection[] = [];
  let cur: MemoSection | null = null;
  const intro: string[] = [];
  for (const line of memo.replace(/\r\n?/g, '\n').split('\n')) {
    const h = /^(#{1,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (h && h[1] === '#' && title === null && sections.length === 0 && !cur) {
      title = h[2]!;
      continue;
    }
    if (h) {
      if (cur) sections.push(cur);
      cur = { heading: h[2]!, body: '' };
    } else if (cur) cur.body += `${line}\n`;
    else intro.push(line);
  }
  if (cur) sections.push(cur);
  const tidy = sections.map((s) => ({ heading: s.heading, body: s.body.trim() }));
  const introText = intro.join('\n').trim();
  return { title, sections: introText ? [{ heading: 'Notes', body: introText }, ...tidy] : tidy };
}

/** "We analysed 3 interviews with 3 participants (role: officer 2, incarcerated 1; …)." */
export function whatWeDid(study: StudyCounts, coders: string, themes: number): string {
  const who = study.cases > 0 ? ` with ${plural(study.cases, 'participant', 'participants')}` : '';
  const by = study.attributes
    .filter((a) => a.values.length > 0)
    .map((a) => `${a.name}: ${a.values.map(([v, n]) => `${v} ${n}`).join(', ')}`)
    .join('; ');
  const codedBy = coders === 'all coders' ? 'all coders' : coders;
  return (
    `We analysed ${plural(study.documents, 'interview', 'interviews')}${who}${by ? ` (${by})` : ''}. ` +
    `The passages were coded qualitatively (codings by ${codedBy}); ${plural(themes, 'theme is', 'themes are')} reported here.`
  );
}

function sameSpan(a: SegmentInput, b: SegmentInput): boolean {
  return a.document === b.document && a.start === b.start && a.end === b.end && a.codeGuid === b.codeGuid;
}

export function buildExcerptModel(input: ModelInput): ExcerptModel {
  const names = replacer(input.pseudonyms?.replace ?? []);
  const label = caseLabeller(input.pseudonyms, input.caseOrder);
  const minDepth = input.themes.length ? Math.min(...input.themes.map((t) => t.depth)) : 0;
  const byCode = new Map<string, SegmentInput[]>();
  for (const s of input.segments) {
    const list = byCode.get(s.codeGuid);
    if (list) list.push(s);
    else byCode.set(s.codeGuid, [s]);
  }
  // The table lists every coding; the reports show a passage coded alike by several coders once.
  const merge = input.template !== 'table';

  const themes: ExcerptTheme[] = input.themes.map((t) => {
    const segs = [...(byCode.get(t.guid) ?? [])].sort((a, b) =>
      a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start || a.end - b.end,
    );
    const quotes: ExcerptQuote[] = [];
    let last: SegmentInput | null = null;
    for (const s of segs) {
      if (merge && last && sameSpan(last, s)) {
        const prev = quotes[quotes.length - 1]!;
        if (!prev.coders.includes(s.coder)) prev.coders.push(s.coder);
        if (s.memo && input.withMemos) prev.memo = prev.memo ? `${prev.memo}\n${names(s.memo)}` : names(s.memo);
        continue;
      }
      last = s;
      const text = names(quoteText(s, { keepSpeakers: input.keepSpeakers, maxChars: input.maxChars }));
      if (text === '') continue;
      const caseLabel = label(s.caseName);
      const attributes: [string, string][] = input.attributes.map((a) => [a, s.attributes[a] ?? '']);
      const document = names(s.document);
      const where = whereLabel(s.lineStart, s.lineEnd, s.time);
      quotes.push({
        text,
        attribution: attribution(
          caseLabel,
          attributes.map(([, v]) => v),
          document,
          where,
        ),
        caseLabel,
        attributes,
        document,
        where,
        lineStart: s.lineStart,
        lineEnd: s.lineEnd,
        start: s.start,
        end: s.end,
        coders: [s.coder],
        speaker: s.speaker === null ? null : input.pseudonyms ? names(s.speaker) : s.speaker,
        memo: input.withMemos && s.memo ? names(s.memo) : null,
        theme: t.path,
      });
    }
    const limit = input.maxQuotes > 0 ? input.maxQuotes : Infinity;
    return {
      guid: t.guid,
      path: t.path,
      name: t.name,
      depth: t.depth - minDepth,
      definition: t.definition,
      prevalence: t.prevalence,
      prevalenceLine: prevalenceText(t.prevalence),
      quotes: quotes.slice(0, limit),
      subthemes: 0,
    };
  });
  // A theme with no quotes is left out unless a sub-theme below it has some (it then heads them).
  const kept = themes.filter((t, i) => {
    if (t.quotes.length) return true;
    for (let j = i + 1; j < themes.length && themes[j]!.depth > t.depth; j += 1) if (themes[j]!.quotes.length) return true;
    return false;
  });
  themes.length = 0;
  themes.push(...kept);
  // A parent exported with its sub-themes needs no "no quotes" line of its own.
  themes.forEach((t, i) => {
    for (let j = i + 1; j < themes.length && themes[j]!.depth > t.depth; j += 1) if (themes[j]!.depth === t.depth + 1) t.subthemes += 1;
  });

  const memo = memoSections(input.projectMemo);
  const keyWordSection = memo.sections.find((s) => /^key ?words$/i.test(s.heading));
  const keyWords = keyWordSection
    ? keyWordSection.body
        .split(/[,;\n]/)
        .map((k) => k.trim())
        .filter(Boolean)
    : themes.filter((t) => t.depth === 0).map((t) => t.name.toLowerCase());
  return {
    template: input.template,
    title: input.title?.trim() || memo.title || input.projectName?.trim() || input.project.replace(/\.[^.]+$/, ''),
    project: input.project,
    date: input.date,
    coders: input.coders,
    keyWords,
    themes,
    whatWeDid: whatWeDid(input.study, input.coders, themes.length),
    memoSections: memo.sections.filter((s) => s !== keyWordSection),
    withMemos: input.withMemos,
    attributes: input.attributes,
    pseudonymised: input.pseudonyms !== null,
  };
}

/** The glance page's sections in the seeds' order; the analyst's own sections from the memo, the rest from the data. */
export function glanceSections(m: ExcerptModel): { heading: string; body: string | null; found?: true }[] {
  const memo = new Map(m.memoSections.map((s) => [s.heading.toLowerCase(), s]));
  const take = (h: string) => {
    const s = memo.get(h.toLowerCase());
    memo.delete(h.toLowerCase());
    return s?.body ?? null;
  };
  const out: { heading: string; body: string | null; found?: true }[] = [];
  const means = take('What it means');
  if (means) out.push({ heading: 'What it means', body: means });
  out.push({ heading: 'What we found', body: take('What we found'), found: true });
  const why = take('Why we did this study');
  if (why) out.push({ heading: 'Why we did this study', body: why });
  const did = take('What we did');
  out.push({ heading: 'What we did', body: did ? `${m.whatWeDid}\n\n${did}` : m.whatWeDid });
  for (const s of memo.values()) out.push({ heading: s.heading, body: s.body });
  return out;
}
