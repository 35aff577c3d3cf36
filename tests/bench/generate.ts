/** Deterministic synthetic interview text for benchmarks (no real data, no randomness between runs). */
import { Document, Packer, Paragraph, TextRun } from 'docx';

const WORDS = (
  'officer inmate unit range talk trust respect rules boundaries first name cell count yard ' +
  'programme shift supervisor tension fight tip information quiet listen fair consistent write ' +
  'report charge discretion warning security camera door lock staff relationship rapport family ' +
  'visit phone canteen job school sentence parole hearing sécurité dynamique innsatte betjent ' +
  'respekt snitch rat silence private office day night week month year always never sometimes'
).split(' ');

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A transcript of about `words` words in alternating Interviewer/Officer turns of 20–120 words. */
export function transcript(seed: number, words: number): string {
  const r = rng(seed);
  const turns: string[] = [];
  let n = 0;
  let i = 0;
  while (n < words) {
    const len = 20 + Math.floor(r() * 100);
    const ws: string[] = [];
    for (let k = 0; k < len; k += 1) ws.push(WORDS[Math.floor(r() * WORDS.length)]!);
    ws[0] = ws[0]![0]!.toUpperCase() + ws[0]!.slice(1);
    turns.push(`${i % 2 === 0 ? 'Interviewer' : 'Officer'}: ${ws.join(' ')}.`);
    n += len;
    i += 1;
  }
  return `${turns.join('\n\n')}\n`;
}

export async function transcriptDocx(text: string): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: text.split('\n\n').map((p) => new Paragraph({ children: [new TextRun(p.trim())] })) }],
  });
  return Packer.toBuffer(doc);
}
