/**
 * Fuzzing engineer D's REFI-QDA readers (electron/services/refi/import/): the zip reader on
 * mutated .qdpx packages (every entry it lists is then read), and the QDA-XML parser on random,
 * XML-shaped and mutated project and code book XML, deep nesting included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQdaXml } from '../../electron/services/refi/import/xml.js';
import { openZip } from '../../electron/services/refi/import/zip.js';
import { bounds, cleanly, fixtureBytes, grammarText, mutated, randomBytes } from './fuzz-helpers.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

// A small good package from the bad-input corpus: its XML is fine, its one selection runs past the text.
const QDPX = fixtureBytes('bad', 'selection-beyond-end.qdpx');
const QDE =
  '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="F"><Users><User guid="u1" name="A"/></Users>' +
  '<CodeBook><Codes><Code guid="c1" name="R &amp; S" isCodable="true"><Code guid="c2" name="x" isCodable="false"/></Code></Codes></CodeBook>' +
  '<Sources><TextSource guid="s1" name="t" plainTextPath="internal://s1.txt"><PlainTextSelection guid="p1" startPosition="0" endPosition="4">' +
  '<Coding guid="g1"><CodeRef targetGUID="c1"/></Coding></PlainTextSelection></TextSource></Sources></Project>';
const TOKENS = [
  '<',
  '>',
  '</',
  '/>',
  '<Code ',
  '</Code>',
  '<Codes>',
  '</Codes>',
  'guid="x" ',
  'name="n" ',
  '&amp;',
  '&#0;',
  '&#x1F642;',
  '&bogus;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?xml version="1.0"?>',
  'xmlns="urn:QDA-XML:project:1.0"',
  '"',
  "'",
  '=',
  ' ',
  '\n',
];

describe('REFI-QDA readers never crash, never hang', () => {
  it('the zip reader: mutated packages and random bytes, every listed entry read', () =>
    fc.assert(
      fc.asyncProperty(fc.oneof(mutated([QDPX], 4), randomBytes([QDPX])), async (bytes) => {
        await cleanly('fuzz.qdpx', () => {
          const zip = openZip(bytes, 'fuzz.qdpx');
          let total = 0;
          for (const e of zip.entries) if (!e.isDirectory) total += zip.read(e).length;
          expect(total).toBeLessThanOrEqual(512 * 1024 * 1024);
          return total;
        });
      }),
      bounds(300),
    ));

  it('the XML parser: random, XML-shaped and mutated project XML', () =>
    fc.assert(
      fc.asyncProperty(fc.oneof(randomBytes(), grammarText(TOKENS, 120).map(enc), mutated([enc(QDE)], 6)), async (bytes) => {
        await cleanly('fuzz.qdpx', () => parseQdaXml(bytes, 'fuzz.qdpx', 'project.qde'));
      }),
      bounds(300),
    ));

  it('the XML parser: nesting thousands of levels deep', () =>
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30_000 }), async (depth) => {
        const xml = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${'<Code guid="x" name="c">'.repeat(depth)}${'</Code>'.repeat(depth)}</Codes></CodeBook>`;
        await cleanly('deep.qdc', () => parseQdaXml(enc(xml), 'deep.qdc', 'deep.qdc'));
      }),
      bounds(8, 5000, 10000),
    ));
});
