/**
 * The pure parts of the themed excerpt export: how a coded span becomes a quote (labels cut,
 * ellipses), whole-word pseudonyms, the project memo's sections, themes without quotes left
 * out, the pseudonym CSV's errors, Markdown escaping that reads back word for word, Excel sheet
 * names, and the dialog's choices as call arguments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sheetName } from '../../electron/services/excerpts/xlsx.js';
import { buildExcerptModel, memoSections, type ModelInput } from '../../shared/excerpts/model.js';
import { mdEscape, mdUnescape } from '../../shared/excerpts/markdown.js';
import { parsePseudonymMap } from '../../shared/excerpts/pseudonyms.js';
import { clock, quoteText, replacer, whereLabel } from '../../shared/excerpts/quote.js';
import { exportArgs, initialChoice } from '../../renderer/excerpts/choice.js';

const O = { keepSpeakers: false, maxChars: 0 };

describe('a coded span as a quote', () => {
  const text = 'Interviewer: Why?\nOfficer: Because you need to talk to them. Every day.\nInterviewer: Always?\nOfficer: Mostly, yes.';
  const span = (phrase: string) => {
    const start = text.indexOf(phrase);
    return { start, end: start + phrase.length };
  };
  const turns = [
    [0, 13],
    [18, 27],
    [72, 85],
    [93, 102],
  ] as [number, number][];
  const raw = (phrase: string) => {
    const { start, end } = span(phrase);
    return {
      text: text.slice(start, end),
      start,
      labels: turns.filter(([s, e]) => e > start && s < end),
      before: text.slice(Math.max(0, start - 60), start),
      after: text.slice(end, end + 60),
    };
  };

  it('cuts the speaker labels inside it (not the words), unless asked to keep them', () => {
    const q = raw('Officer: Because you need to talk to them. Every day.\nInterviewer: Always?\nOfficer: Mostly, yes.');
    expect(quoteText(q, O)).toBe('Because you need to talk to them. Every day.\nAlways?\nMostly, yes.');
    expect(quoteText(q, { ...O, keepSpeakers: true })).toBe(
      'Officer: Because you need to talk to them. Every day.\nInterviewer: Always?\nOfficer: Mostly, yes.',
    );
  });

  it('marks a start or end inside a sentence with an ellipsis, and a quote cut at maxChars', () => {
    expect(quoteText(raw('you need to talk'), O)).toBe('… you need to talk …');
    expect(quoteText(raw('Because you need to talk to them.'), O)).toBe('Because you need to talk to them.');
    expect(quoteText(raw('Every day.'), O)).toBe('Every day.');
    expect(quoteText(raw('Because you need to talk to them.'), { ...O, maxChars: 20 })).toBe('Because you need to …');
  });

  it('replaces names as whole words only, longest first in the list as parsed', () => {
    const swap = replacer(parsePseudonymMap('find,replace\nAnna,P1\nAnna Berg,P2\n', 'map.csv'));
    expect(swap('Anna Berg met Anna, not Annabel.')).toBe('P2 met P1, not Annabel.');
  });

  it('names lines or cue times', () => {
    expect(whereLabel(3, 3, null)).toBe('line 3');
    expect(whereLabel(3, 5, null)).toBe('lines 3–5');
    expect(whereLabel(1, 1, { beginMs: 3_723_000, endMs: 3_725_500 })).toBe('01:02:03–01:02:05');
    expect(clock(59_999)).toBe('00:00:59');
  });
});

describe('the model', () => {
  const base: ModelInput = {
    template: 'snippet',
    project: 'study.marginalia',
    date: '2026-12-03T10:00:00.000Z',
    coders: 'all coders',
    themes: [
      { guid: 'a', path: 'A', name: 'A', depth: 0, definition: '', prevalence: null },
      { guid: 'a1', path: 'A/One', name: 'One', depth: 1, definition: '', prevalence: { count: 2, total: 3, unit: 'documents', label: 'interviews' } },
      { guid: 'b', path: 'B', name: 'B', depth: 0, definition: '', prevalence: null },
    ],
    segments: [
      {
        codeGuid: 'a1',
        codePath: 'A/One',
        document: 'd.txt',
        text: 'Yes.',
        start: 0,
        end: 4,
        labels: [],
        before: '',
        after: '',
        lineStart: 1,
        lineEnd: 1,
        time: null,
        coder: 'Alice',
        caseName: null,
        speaker: null,
        memo: null,
        attributes: {},
      },
    ],
    attributes: [],
    study: { documents: 3, cases: 0, attributes: [] },
    projectMemo: null,
    keepSpeakers: false,
    withMemos: false,
    maxChars: 0,
    maxQuotes: 0,
    pseudonyms: null,
    caseOrder: [],
  };

  it('keeps a theme without quotes only when a sub-theme under it has some; prevalence in documents says interviews', () => {
    const m = buildExcerptModel(base);
    expect(m.themes.map((t) => [t.path, t.subthemes, t.prevalenceLine])).toEqual([
      ['A', 1, ''],
      ['A/One', 0, 'Coded in 2 of 3 interviews (67%)'],
    ]);
    expect(m.title).toBe('study');
    expect(m.attributes).toEqual([]);
  });

  it('takes the title, key words and sections from the project memo', () => {
    const memo = '# A title\n\nIntro words.\n\n## Key words\nrapport; trust\n\n## What it means\nIt matters.\n';
    expect(memoSections(memo)).toEqual({
      title: 'A title',
      sections: [
        { heading: 'Notes', body: 'Intro words.' },
        { heading: 'Key words', body: 'rapport; trust' },
        { heading: 'What it means', body: 'It matters.' },
      ],
    });
    const m = buildExcerptModel({ ...base, template: 'glance', projectMemo: memo });
    expect([m.title, m.keyWords]).toEqual(['A title', ['rapport', 'trust']]);
    expect(m.memoSections.map((s) => s.heading)).toEqual(['Notes', 'What it means']);
  });
});

describe('the pseudonym list', () => {
  it('names the file and row of each problem', () => {
    expect(() => parsePseudonymMap('', 'm.csv')).toThrow('m.csv: the file is empty');
    expect(() => parsePseudonymMap('find\nA\n', 'm.csv')).toThrow('m.csv row 1: expected two columns (find, replace), got 1');
    expect(() => parsePseudonymMap('find,replace\n,B\n', 'm.csv')).toThrow('m.csv row 2: the name to find is empty');
    expect(() => parsePseudonymMap('find,replace\nA,B\na,C\n', 'm.csv')).toThrow('m.csv row 3: "a" is already replaced on row 2');
    expect(() => parsePseudonymMap('find,replace\n', 'm.csv')).toThrow('m.csv: no names to replace');
  });
});

describe('Markdown escaping', () => {
  it('reads back word for word, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => mdUnescape(mdEscape(s)) === s));
    expect(mdEscape('# not a heading *really* [laughs]')).toBe('\\# not a heading \\*really\\* \\[laughs\\]');
    expect(mdEscape('1. first')).toBe('1\\. first');
  });
});

describe('Excel sheet names', () => {
  it('are at most 31 characters, without []:*?/\\, and unique ignoring case', () => {
    const taken = new Set<string>(['about']);
    expect(sheetName('Rapport: trust/respect [core]', taken)).toBe('Rapport  trust respect  core');
    expect(sheetName('rapport  TRUST respect  core', taken)).toBe('rapport  TRUST respect  core 2');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('About', taken)).toBe('About 2');
  });
});

describe('the dialog’s choices as excerpts.export arguments', () => {
  it('a subtree, one coder, cases by attribute, and pseudonym lines', () => {
    const c = { ...initialChoice('g1', ['role', 'institution', 'rank']), whose: 'c1', scope: 'attribute' as const, attribute: 'role', value: 'officer' };
    expect(exportArgs(c, undefined, undefined)).toEqual({
      codes: ['g1'],
      descendants: true,
      coders: ['c1'],
      where: { role: 'officer' },
      template: 'snippet',
      attributes: ['role', 'institution'],
    });
    expect(exportArgs({ ...c, pseudonymise: true, pseudonyms: 'CO-01,Officer A' }, undefined, 'v')).toMatchObject({
      pseudonymise: { replace: [['CO-01', 'Officer A']] },
      viewer: 'v',
    });
    expect(exportArgs({ ...c, pseudonymise: true, pseudonyms: 'CO-01' }, undefined, undefined)).toEqual({
      problem: 'Pseudonyms row 2: expected two columns (find, replace), got 1',
    });
    expect(exportArgs({ ...c, codeMode: 'list' }, undefined, undefined)).toEqual({ problem: 'Choose at least one code.' });
  });

  it('a Retrieval preset passes its codings and filters as they are', () => {
    const preset = { codes: ['g2'], descendants: false, coders: ['c2'], codings: ['x', 'y'], label: 'The 2 segments shown' };
    expect(exportArgs({ ...initialChoice('g1', []), template: 'table' }, preset, undefined)).toEqual({
      codes: ['g2'],
      descendants: false,
      coders: ['c2'],
      codings: ['x', 'y'],
      template: 'table',
    });
  });
});
