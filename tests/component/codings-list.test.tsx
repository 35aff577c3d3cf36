// @vitest-environment jsdom
/**
 * Issue 12, point 9: the codings list says where a coding is as a reader would ("lines 3–5 ·
 * R"), not in UTF-16 offsets, and a long code path shows its own name with the path as a tooltip.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodingsList } from '../../renderer/coding/CodingsList.js';
import type { CodingView } from '../../shared/api/types.js';
import type { Turn } from '../../shared/types.js';

afterEach(cleanup);

const text = 'I: First question?\n\nR: A first answer\nthat runs on.\n\nI: And 👍 then?\n';
const turns: Turn[] = [
  { start: 0, end: 18, speaker: 'I', speechStart: 3 },
  { start: 20, end: 51, speaker: 'R', speechStart: 23 },
  { start: 53, end: 68, speaker: 'I', speechStart: 56 },
];
const coding = (over: Partial<CodingView>): CodingView => ({
  guid: 'g1',
  codeGuid: 'c1',
  code: 'Dynamic security/Rapport/Information flow',
  color: '#336699',
  coderGuid: 'k1',
  coder: 'Alice',
  start: 23,
  end: 51,
  memo: null,
  ...over,
});

describe('CodingsList', () => {
  it('places each coding by its lines and speaker, and names its code with the path as a tooltip', () => {
    const at = text.indexOf('then');
    render(
      <CodingsList
        text={text}
        turns={turns}
        codings={[coding({}), coding({ guid: 'g2', code: 'Respect', start: at, end: at + 4 })]}
        selected={null}
        onSelect={vi.fn()}
        onRemove={vi.fn()}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('Alice · lines 3–4 · R');
    expect(items[0]!.textContent).toContain('“A first answer that runs on.”');
    expect(items[0]!.textContent).not.toMatch(/\[\d+,\d+\)/);
    const name = screen.getByText('Information flow');
    expect(name.getAttribute('title')).toBe('Dynamic security/Rapport/Information flow');
    expect(items[1]!.textContent).toContain('Alice · line 6 · I');
  });
});
