/**
 * The workspace benchmark's data: a deterministic 2-hour interview (about 140,000 characters,
 * ~1,200 alternating turns) and a project holding it with 1,500 codings by two coders, made with
 * the services directly. Some turns are left uncoded so the benchmark can code fresh words.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../../db/action.js';
import { addCoder } from '../../electron/services/codings.js';
import { importFiles } from '../../electron/services/documents.js';
import { placeCodings, type NewCoding } from '../../electron/services/placement.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession } from '../../electron/services/session.js';
import { rng } from './generate.js';

export const INTERVIEW = 'berg-interview.txt';
export const SMALL = 'short-note.txt';
export const CODERS = ['Ana', 'Ben'] as const;
export const PER_CODER = 750;
/** Every FREE_EVERY-th turn (from FREE_FROM) gets no codings: fresh words to apply a code to. */
const FREE_EVERY = 25;
const FREE_FROM = 7;

const VOCAB = (
  'officer inmate unit range talk trust respect rules boundaries first name cell count yard programme shift ' +
  'supervisor tension fight tip information quiet listen fair consistent report charge discretion warning ' +
  'security camera door lock staff relationship rapport family visit phone canteen job school sentence parole ' +
  'hearing guys new lads older young mean know think really kind of you the a and to it was that they we so ' +
  'but because when if then just like always never sometimes day night week month year morning lunch'
).split(' ');

export interface Interview {
  text: string;
  /** [start, end) of each turn's words (after the speaker label). */
  turns: { start: number; end: number; free: boolean }[];
}

/** About `chars` characters in ~`count` turns of varied length; seeded, so every run is the same. */
export function interview(seed = 4242, chars = 140_000, count = 1200): Interview {
  const r = rng(seed);
  const perTurn = chars / count;
  const parts: string[] = [];
  const turns: Interview['turns'] = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    const label = i % 2 === 0 ? 'Interviewer: ' : 'Officer Berg: ';
    // Questions are short, answers long; sentence lengths vary from 3 to 30 words.
    const target = (i % 2 === 0 ? 0.45 : 1.55) * perTurn * (0.4 + 1.2 * r()) - label.length - 64; // a sentence's overshoot
    const sentences: string[] = [];
    let len = 0;
    while (len < target || sentences.length === 0) {
      const n = 3 + Math.floor(r() * r() * 28);
      const ws = Array.from({ length: n }, () => VOCAB[Math.floor(r() * VOCAB.length)]!);
      ws[0] = ws[0]![0]!.toUpperCase() + ws[0]!.slice(1);
      const s = `${ws.join(' ')}${r() < 0.2 && i % 2 === 0 ? '?' : '.'}`;
      sentences.push(s);
      len += s.length + 1;
    }
    const body = sentences.join(' ');
    if (i > 0) at += 2; // the blank line between turns
    turns.push({ start: at + label.length, end: at + label.length + body.length, free: i % FREE_EVERY === FREE_FROM });
    parts.push(label + body);
    at += label.length + body.length;
  }
  return { text: `${parts.join('\n\n')}\n`, turns };
}

/** Word start offsets in [start, end). */
export function wordStarts(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let k = start; k < end; k += 1) if (text[k] !== ' ' && (k === start || text[k - 1] === ' ')) out.push(k);
  return out;
}

/** A span of 5–60 words starting at a word, inside the coded turns, ending at a word end. */
function spans(it: Interview, seed: number, n: number, codes: number, taken: Map<number, [number, number][]>): { start: number; end: number; code: number }[] {
  const r = rng(seed);
  const out: { start: number; end: number; code: number }[] = [];
  const coded = it.turns.filter((t) => !t.free);
  while (out.length < n) {
    const t = coded[Math.floor(r() * coded.length)]!;
    // Long spans may run into the next turns, as coders code a whole exchange.
    const words = wordStarts(it.text, t.start, t.end);
    const first = Math.floor(r() * words.length);
    const start = words[first]!;
    const length = 5 + Math.floor(r() * r() * 56);
    let end = start;
    let count = 0;
    let k = start;
    while (count < length && k < it.text.length) {
      while (k < it.text.length && /\s/.test(it.text[k]!)) k += 1;
      while (k < it.text.length && !/\s/.test(it.text[k]!)) k += 1;
      end = k;
      count += 1;
    }
    if (it.turns.some((x) => x.free && x.start < end && start < x.end)) continue;
    const code = Math.floor(r() * codes);
    // Same code and coder must not touch, or the project merges them into one coding.
    const group = taken.get(code) ?? [];
    if (group.some(([a, b]) => a <= end && start <= b)) continue;
    group.push([start, end]);
    taken.set(code, group);
    out.push({ start, end, code });
  }
  return out;
}

export interface BenchProject {
  project: string;
  interview: Interview;
  codings: number;
}

export async function buildInterviewProject(dir: string): Promise<BenchProject> {
  const it = interview();
  const big = join(dir, INTERVIEW);
  const small = join(dir, SMALL);
  writeFileSync(big, it.text);
  writeFileSync(small, 'Interviewer: A short note to open first.\n\nOfficer Berg: Fine.\n');
  const project = join(dir, 'workspace-bench.marginalia');
  const s = initProject(project);
  try {
    await importFiles(s, [small, big]);
    const coderIds = CODERS.map((c) => addCoder(s, c).id);
    const db = s.project.sqlite;
    const codeIds = (db.prepare('SELECT id FROM codes ORDER BY id').all() as { id: number }[]).map((x) => x.id);
    const docId = (db.prepare('SELECT id FROM documents WHERE name = ?').get(INTERVIEW) as { id: number }).id;
    const list: NewCoding[] = coderIds.flatMap((coderId, i) =>
      spans(it, 900 + i, PER_CODER, codeIds.length, new Map()).map((p) => ({
        documentId: docId,
        codeId: codeIds[p.code]!,
        coderId,
        start: p.start,
        end: p.end,
      })),
    );
    runAction(s.project, s.actor, (action) => placeCodings(action, list));
    const codings = (db.prepare('SELECT count(*) AS n FROM codings WHERE document_id = ?').get(docId) as { n: number }).n;
    return { project, interview: it, codings };
  } finally {
    closeSession(s);
  }
}
