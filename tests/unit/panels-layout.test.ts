/** Issue 12, points 7 and 8: remembered panel sizes, coder initials, and where stripe labels go. */
import { describe, expect, it } from 'vitest';
import { clampSize, defaultSizes, LIMITS, loadSizes, PANELS_KEY } from '../../renderer/workspace/panels.js';
import { coderInitials } from '../../renderer/workspace/initials.js';
import { LABEL_HEIGHT, labelTops } from '../../renderer/transcript/stripe-labels.js';

const store = (value: string | null) => ({ getItem: (k: string) => (k === PANELS_KEY ? value : null) });

describe('remembered panel sizes', () => {
  it('reads what was stored, clamped to the limits', () => {
    const s = loadSizes(store(JSON.stringify({ left: 300, right: 5000, docs: 10, leftCollapsed: true })), 1280);
    expect(s).toEqual({ left: 300, right: LIMITS.right.max, docs: LIMITS.docs.min, leftCollapsed: true, rightCollapsed: false });
  });
  it('falls back to sizes that suit the window when nothing or garbage is stored', () => {
    expect(loadSizes(store(null), 1280)).toEqual(defaultSizes(1280));
    expect(loadSizes(store('{not json'), 1920)).toEqual(defaultSizes(1920));
    expect(loadSizes(store(JSON.stringify({ left: 'wide', right: null })), 1920)).toEqual(defaultSizes(1920));
    expect(defaultSizes(1920).left).toBeGreaterThan(defaultSizes(1280).left);
  });
  it('clamps a dragged size', () => {
    expect(clampSize('left', 10)).toBe(LIMITS.left.min);
    expect(clampSize('left', 310.6)).toBe(311);
  });
});

describe('coder initials', () => {
  it('uses initials, longer only where two coders would share one', () => {
    const m = coderInitials(['Alice', 'Bob', 'Anna Berg', 'Alex']);
    expect(m.get('Bob')).toBe('B');
    expect(m.get('Anna Berg')).toBe('AB');
    expect(m.get('Alice')).toBe('Ali');
    expect(m.get('Alex')).toBe('Ale');
    expect(new Set(m.values()).size).toBe(4);
  });
});

describe('stripe labels', () => {
  const placed = (guid: string, top: number, lane = 0) => ({ item: { guid } as never, top, bottom: top + 60, lane });
  it('sit level with their coding, pushed below the label above when they would cover it', () => {
    const tops = labelTops([placed('b', 100, 1), placed('a', 100, 0), placed('c', 105), placed('d', 400)]);
    expect(tops.get('a')).toBe(100);
    expect(tops.get('b')).toBe(100 + LABEL_HEIGHT + 1);
    expect(tops.get('c')).toBe(100 + 2 * (LABEL_HEIGHT + 1));
    expect(tops.get('d')).toBe(400);
  });
});
