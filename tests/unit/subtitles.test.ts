import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MarginaliaError } from '../../shared/errors.js';
import { parseSrt, parseVtt } from '../../shared/text/subtitles.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url), 'utf8');

function errorOf(fn: () => unknown): MarginaliaError {
  try {
    fn();
  } catch (err) {
    if (err instanceof MarginaliaError) return err;
    throw err;
  }
  throw new Error('expected a MarginaliaError');
}

describe('parseVtt', () => {
  const vtt = [
    'WEBVTT',
    '',
    'NOTE a comment',
    'spanning lines',
    '',
    'STYLE',
    '::cue { color: red }',
    '',
    'intro',
    '00:01.000 --> 00:02.500',
    '<v Interviewer>How long have you <i>worked</i> here?</v>',
    '',
    '00:00:03.000 --> 00:00:05.000 align:start',
    '<v.loud Officer Berg>Nineteen years.',
    '',
    '01:00:05,000 --> 01:00:07,250',
    '<v Officer Berg><c.yellow>All</c> of them <00:00:05.500>here &amp; there.',
    '',
    '00:00:08.000 --> 00:00:09.000',
    '[door slams]',
    '',
    '00:00:09.000 --> 00:00:10.000',
    'Interviewer: And before?',
  ].join('\n');

  it('keeps timestamps and offsets, merges one speaker’s cues, strips tags', () => {
    const doc = parseVtt(vtt, 'a.vtt');
    expect(doc.text).toBe(
      'Interviewer: How long have you worked here?\n\nOfficer Berg: Nineteen years. All of them here & there.\n\n[door slams]\n\nInterviewer: And before?',
    );
    expect(doc.cues.map((c) => [c.beginMs, c.endMs])).toEqual([
      [1000, 2500],
      [3000, 5000],
      [3_605_000, 3_607_250],
      [8000, 9000],
      [9000, 10000],
    ]);
    expect(doc.cues.map((c) => doc.text.slice(c.start, c.end))).toEqual([
      'How long have you worked here?',
      'Nineteen years.',
      'All of them here & there.',
      '[door slams]',
      'And before?',
    ]);
    expect(doc.turns.map((t) => [t.speaker, doc.text.slice(t.start, t.end), doc.text.slice(t.speechStart, t.end)])).toEqual([
      ['Interviewer', 'Interviewer: How long have you worked here?', 'How long have you worked here?'],
      ['Officer Berg', 'Officer Berg: Nineteen years. All of them here & there.', 'Nineteen years. All of them here & there.'],
      ['Interviewer', 'Interviewer: And before?', 'And before?'],
    ]);
  });

  it('reads the ip-01.vtt fixture', () => {
    const doc = parseVtt(fixture('ip-01.vtt'), 'ip-01.vtt');
    expect(new Set(doc.turns.map((t) => t.speaker))).toEqual(new Set(['Interviewer', 'Participant']));
    expect(doc.turns.length).toBe(22);
    expect(doc.cues.length).toBeGreaterThan(doc.turns.length);
    expect(doc.text).toContain("Participant: (laughs) That's a dangerous question in here.");
    expect(doc.text).not.toMatch(/<|NOTE|::cue/);
    for (let i = 1; i < doc.cues.length; i++) expect(doc.cues[i]!.beginMs).toBeGreaterThanOrEqual(doc.cues[i - 1]!.endMs);
    // Every turn holds whole cues.
    for (const t of doc.turns) {
      const inside = doc.cues.filter((c) => c.start >= t.speechStart && c.end <= t.end);
      expect(inside.length).toBeGreaterThan(0);
      expect(inside[0]!.start).toBe(t.speechStart);
      expect(inside[inside.length - 1]!.end).toBe(t.end);
    }
  });

  it('reads a first cue written straight after the header line', () => {
    const doc = parseVtt('WEBVTT\n00:00:01.000 --> 00:00:02.000\n- Hello there.\n', 'tight.vtt');
    expect(doc.text).toBe('- Hello there.');
    expect(doc.cues).toEqual([{ start: 0, end: 14, beginMs: 1000, endMs: 2000 }]);
    expect(doc.turns).toEqual([]);
  });

  it('rejects a file without the WEBVTT header', () => {
    const err = errorOf(() => parseVtt('00:01.000 --> 00:02.000\nHi', 'talk.vtt'));
    expect(err.code).toBe('corrupt_file');
    expect(err.message).toMatch(/^talk\.vtt: .*WEBVTT/);
  });

  it('rejects a file with no cues', () => {
    const err = errorOf(() => parseVtt('WEBVTT\n\nNOTE nothing here\n', 'empty.vtt'));
    expect(err.code).toBe('corrupt_file');
    expect(err.message).toBe('empty.vtt: no subtitle cues found');
  });

  it('names the line of a malformed timing', () => {
    const err = errorOf(() => parseVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\n00:03.000 --> 00:0x.000\nThere', 'bad.vtt'));
    expect(err.code).toBe('corrupt_file');
    expect(err.message).toMatch(/^bad\.vtt: line 6: malformed cue timing/);
    expect(err.message).not.toContain('\n');
    const missing = errorOf(() => parseVtt('WEBVTT\n\nid\nnot a timing\nHi', 'bad.vtt'));
    expect(missing.message).toMatch(/^bad\.vtt: line 4: expected a WebVTT cue timing/);
  });
});

describe('parseSrt', () => {
  it('reads numbered cues with comma milliseconds and Name: prefixes', () => {
    const srt =
      '1\n00:00:01,000 --> 00:00:02,000\nSam: Up at six.\n\n2\n00:00:02,500 --> 00:00:04,000\nSam: Breakfast,\nthen work.\n\n3\n00:00:04,000 --> 00:00:05,000\nInterviewer: <i>And</i> then?\n\n4\n00:00:06,000 --> 00:00:07,000\n{\\an8}Music playing\n';
    const doc = parseSrt(srt, 'b.srt');
    expect(doc.text).toBe('Sam: Up at six. Breakfast, then work.\n\nInterviewer: And then?\n\nMusic playing');
    expect(doc.turns.map((t) => t.speaker)).toEqual(['Sam', 'Interviewer']);
    expect(doc.cues.map((c) => [c.beginMs, c.endMs, doc.text.slice(c.start, c.end)])).toEqual([
      [1000, 2000, 'Up at six.'],
      [2500, 4000, 'Breakfast, then work.'],
      [4000, 5000, 'And then?'],
      [6000, 7000, 'Music playing'],
    ]);
  });

  it('reads the ip-02.srt fixture: a speakerless preamble, then turns', () => {
    const doc = parseSrt(fixture('ip-02.srt'), 'ip-02.srt');
    expect(doc.text.startsWith('Transcript IP-02 (Institution A, maximum security). Participant pseudonym: Sam.\n\nInterviewer: Okay, we’re recording.')).toBe(
      true,
    );
    expect(doc.turns[0]!.start).toBe(doc.text.indexOf('Interviewer:'));
    expect(new Set(doc.turns.map((t) => t.speaker))).toEqual(new Set(['Interviewer', 'Sam']));
    expect(doc.cues[0]).toMatchObject({ start: 0, beginMs: 0 });
  });

  it('rejects an end before the begin and a broken timing, naming the line', () => {
    const err = errorOf(() => parseSrt('1\n00:00:05,000 --> 00:00:04,000\nHi\n', 'c.srt'));
    expect(err.message).toBe('c.srt: line 2: cue ends before it begins');
    const err2 = errorOf(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:03 --> 00:00:04,000\nThere\n', 'c.srt'));
    expect(err2.code).toBe('corrupt_file');
    expect(err2.message).toMatch(/^c\.srt: line 6: malformed cue timing/);
  });
});
