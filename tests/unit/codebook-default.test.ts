import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, defaultCodebook } from '../../shared/codebook/default.js';
import { parseCodebookCsv, parseCodebookJson, serializeCodebookCsv, serializeCodebookJson } from '../../shared/codebook/format.js';
import { contrastRatio, flattenTree, nameKey, normaliseColor } from '../../shared/codebook/tree.js';

const flat = flattenTree(DEFAULT_CODEBOOK);
const paths = flat.map((c) => c.path);

// CIE76 ΔE between two sRGB colours, to check colours are told apart, not just spelled apart.
function lab(hex: string): [number, number, number] {
  const lin = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const [r, g, b] = lin;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a: string, b: string) => {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

describe('DEFAULT_CODEBOOK', () => {
  it('has one root, Dynamic security', () => {
    expect(DEFAULT_CODEBOOK.map((c) => c.name)).toEqual(['Dynamic security']);
  });

  it('contains every path the fixtures rely on', () => {
    for (const p of [
      'Dynamic security/Rapport',
      'Dynamic security/Rapport/Information flow',
      'Dynamic security/Boundaries',
      'Dynamic security/Boundaries/First names',
      'Dynamic security/Boundaries/Personal details',
      'Dynamic security/Discretion',
      'Dynamic security/Respect',
      'Dynamic security/Respect/Legitimacy',
      'Dynamic security/No snitching',
      'Dynamic security/Static security',
    ]) {
      expect(paths).toContain(p);
    }
  });

  it('covers the themes of every study', () => {
    const top = DEFAULT_CODEBOOK[0]!.children.map((c) => c.name);
    expect(top).toEqual(
      expect.arrayContaining([
        'Rapport',
        'Boundaries',
        'Discretion',
        'Respect',
        'No snitching',
        'Static security',
        'Therapeutic alliance',
        'Operational demands',
      ]),
    );
    for (const p of [
      'Dynamic security/Rapport/Working relationships',
      'Dynamic security/Rapport/De-escalation',
      'Dynamic security/Rapport/Communication',
      'Dynamic security/Boundaries/Inappropriate comments',
      'Dynamic security/Boundaries/Professional distance',
      'Dynamic security/Discretion/Fair and flexible authority',
      'Dynamic security/Discretion/Rule enforcement',
      'Dynamic security/Respect/Dignity',
      'Dynamic security/Respect/Consistency',
      'Dynamic security/No snitching/Code of silence',
      'Dynamic security/No snitching/Informant label',
      'Dynamic security/No snitching/Private disclosure',
    ]) {
      expect(paths).toContain(p);
    }
  });

  it('has names unique under each parent (flattenTree would throw otherwise)', () => {
    const keys = new Set(paths.map(nameKey));
    expect(keys.size).toBe(paths.length);
    expect(paths.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every code a valid, distinct colour that is readable under black text', () => {
    const colors = flat.map((c) => c.spec.color!);
    for (const [i, c] of colors.entries()) {
      expect(c, paths[i]).toBeDefined();
      expect(normaliseColor(c), paths[i]).toBe(c);
      expect(contrastRatio(c, '#000000'), paths[i]).toBeGreaterThanOrEqual(7);
    }
    expect(new Set(colors).size).toBe(colors.length);
    for (let i = 0; i < colors.length; i++) {
      for (let j = i + 1; j < colors.length; j++) {
        expect(deltaE(colors[i]!, colors[j]!), `${paths[i]} vs ${paths[j]}`).toBeGreaterThan(8);
      }
    }
  });

  it('gives every code a definition, inclusion, exclusion and example', () => {
    for (const { path, spec } of flat) {
      for (const k of ['definition', 'inclusion', 'exclusion', 'example'] as const) {
        expect(spec[k]?.trim().length ?? 0, `${path} ${k}`).toBeGreaterThan(15);
      }
      expect(spec.definition).not.toBe(spec.inclusion);
    }
  });

  it('carries no GUIDs', () => {
    expect(flat.every((c) => c.spec.guid === undefined)).toBe(true);
  });

  it('is frozen; defaultCodebook() returns an editable copy', () => {
    expect(Object.isFrozen(DEFAULT_CODEBOOK)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CODEBOOK[0]!.children[0])).toBe(true);
    const copy = defaultCodebook();
    expect(copy).toEqual(DEFAULT_CODEBOOK);
    copy[0]!.children.pop();
    copy[0]!.name = 'Changed';
    expect(DEFAULT_CODEBOOK[0]!.name).toBe('Dynamic security');
    expect(flattenTree(DEFAULT_CODEBOOK)).toHaveLength(flat.length);
  });

  it('round-trips through both exchange formats', () => {
    expect(parseCodebookJson(serializeCodebookJson(DEFAULT_CODEBOOK), 'default.json')).toEqual(DEFAULT_CODEBOOK);
    expect(parseCodebookCsv(serializeCodebookCsv(DEFAULT_CODEBOOK), 'default.csv')).toEqual(DEFAULT_CODEBOOK);
  });
});
