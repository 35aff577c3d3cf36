/**
 * The REFI-QDA rules shared by export and import (shared/refi/): UTF-16 ↔ code-point offsets
 * against a per-character reference, name-based GUIDs against Node's own SHA-1, the
 * Description's fields, and XML escaping.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  composeDescription,
  deriveGuid,
  isRefiGuid,
  normalizeRefiGuid,
  OffsetMap,
  parseDescription,
  refiGuidFor,
  xmlAttr,
  xmlText,
} from '../../shared/refi/index.js';
import { sha1 } from '../../shared/refi/sha1.js';

/** Reference: count code points in text.slice(0, utf16), a pair split in two counting once at its start. */
const naiveCodePoint = (text: string, utf16: number) =>
  [...text.slice(0, utf16)].length - (/[\uD800-\uDBFF]$/.test(text.slice(0, utf16)) && /^[\uDC00-\uDFFF]/.test(text.slice(utf16)) ? 1 : 0);

const textArb = fc.array(fc.constantFrom('a', ' ', 'é', '\n', '😀', '👍🏽', '𝄞', '中'), { maxLength: 60 }).map((a) => a.join(''));

describe('OffsetMap', () => {
  it('maps emoji text both ways', () => {
    const m = new OffsetMap('a😀b👍🏽c');
    // a=0, 😀=1..3, b=3, 👍=4..6, 🏽=6..8, c=8
    expect([0, 1, 3, 4, 6, 8, 9].map((o) => m.toCodePoint(o))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([0, 1, 2, 3, 4, 5, 6].map((c) => m.toUtf16(c))).toEqual([0, 1, 3, 4, 6, 8, 9]);
    expect(m.codePointLength).toBe(6);
  });

  it('agrees with a per-character count and round-trips on every offset not inside a pair', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const m = new OffsetMap(text);
        expect(m.codePointLength).toBe([...text].length);
        for (let o = 0; o <= text.length; o++) {
          expect(m.toCodePoint(o)).toBe(naiveCodePoint(text, o));
          const inside = /[\uD800-\uDBFF]$/.test(text.slice(0, o)) && /^[\uDC00-\uDFFF]/.test(text.slice(o));
          if (!inside) expect(m.toUtf16(m.toCodePoint(o))).toBe(o);
        }
        const chars = [...text];
        for (let c = 0; c <= chars.length; c++) expect(m.toUtf16(c)).toBe(chars.slice(0, c).join('').length);
      }),
    );
  });
});

describe('GUIDs', () => {
  const v5 = (ns: string, name: string) => {
    const h = createHash('sha1')
      .update(Buffer.concat([Buffer.from(ns.replace(/-/g, ''), 'hex'), Buffer.from(name, 'utf8')]))
      .digest();
    h[6] = (h[6]! & 0x0f) | 0x50;
    h[8] = (h[8]! & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString('hex');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
  };

  it('derives RFC 9562 version-5 UUIDs (checked against Node’s SHA-1), the same every time', () => {
    const ns = '01a23b00-5d21-7000-8433-2e902ccdb358';
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (key) => {
        expect(deriveGuid(ns, 'selection', key)).toBe(v5(ns, `selection:${key}`));
      }),
    );
    expect(deriveGuid(ns, 'code', 'x')).toBe(deriveGuid(ns, 'code', 'x'));
    expect(deriveGuid(ns, 'code', 'x')).not.toBe(deriveGuid(ns, 'user', 'x'));
    expect(isRefiGuid(deriveGuid('not a guid', 'code', 'x'))).toBe(true);
  });

  it('sha1 matches Node for lengths around the block boundaries', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 37) & 0xff);
      expect(Buffer.from(sha1(data)).toString('hex')).toBe(createHash('sha1').update(data).digest('hex'));
    }
  });

  it('accepts what GUIDType accepts and normalises it; keeps valid stored GUIDs', () => {
    expect(normalizeRefiGuid('{ABCDEF01-2345-6789-ABCD-EF0123456789}')).toBe('abcdef01-2345-6789-abcd-ef0123456789');
    expect(normalizeRefiGuid('abcdef01-2345-6789-abcd-ef012345678')).toBeNull();
    expect(normalizeRefiGuid('code-17')).toBeNull();
    expect(refiGuidFor('01a23b00-5d21-7000-8433-2e902ccdb358', 'code', '01A23B00-5D21-7000-8433-2E902CCDB359')).toBe('01a23b00-5d21-7000-8433-2e902ccdb359');
  });
});

describe('code Descriptions', () => {
  it('round-trip the four fields, and read a label-less Description as the definition', () => {
    fc.assert(
      fc.property(fc.record({ definition: fc.string(), inclusion: fc.string(), exclusion: fc.string(), example: fc.string() }), (f) => {
        const t = (s: string) => s.trim();
        const clean = { definition: t(f.definition), inclusion: t(f.inclusion), exclusion: t(f.exclusion), example: t(f.example) };
        fc.pre(
          !/\n\n(Inclusion criteria|Exclusion criteria|Example):/.test(Object.values(clean).join('\n')) &&
            !/^(Inclusion criteria|Exclusion criteria|Example):/.test(clean.definition),
        );
        fc.pre(!/\r/.test(Object.values(clean).join('')));
        expect(parseDescription(composeDescription(clean))).toEqual(clean);
      }),
    );
    expect(parseDescription('Just a definition.\n\nSecond paragraph.')).toEqual({
      definition: 'Just a definition.\n\nSecond paragraph.',
      inclusion: '',
      exclusion: '',
      example: '',
    });
  });
});

describe('XML escaping', () => {
  it('survives a parser for any text, dropping only what XML 1.0 cannot hold', () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      htmlEntities: true,
    });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        // eslint-disable-next-line no-control-regex
        const keep = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/\r\n?/g, '\n');
        const doc = parser.parse(`<a v="${xmlAttr(s)}"><b>${xmlText(s)}</b></a>`) as { a: { v: string; b?: string } };
        expect(doc.a.v.replace(/\r\n?/g, '\n')).toBe(keep);
        expect((doc.a.b ?? '').replace(/\r\n?/g, '\n')).toBe(keep);
      }),
    );
  });
});
