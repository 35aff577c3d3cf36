// @vitest-environment jsdom
/** The code book says whose codings its counts cover, and says it the same way as Show. */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { shownCoder, whoseCodings, whoseShown } from '../../renderer/workspace/whose.js';
import { g, renderPanel } from './codebook-fixture.js';

afterEach(cleanup);

const CODERS = [
  { guid: 'u-alice', name: 'Alice' },
  { guid: 'u-bob', name: 'Bob' },
];

describe('whose codings the counts cover', () => {
  it('names the coders of each Show', () => {
    expect(whoseShown({ kind: 'mine' }, 'u-alice', CODERS)).toBe('your codings');
    expect(whoseShown({ kind: 'mine' }, '', CODERS)).toBe('your codings');
    expect(whoseShown({ kind: 'coder', guid: 'u-bob' }, 'u-alice', CODERS)).toBe("Bob's codings");
    expect(whoseShown({ kind: 'all' }, 'u-alice', CODERS)).toBe("all coders' codings");
    expect(shownCoder({ kind: 'mine' }, 'u-alice')).toBe('u-alice');
    expect(shownCoder({ kind: 'all' }, 'u-alice')).toBe('');
    expect(whoseCodings('u-gone', 'u-alice', CODERS)).toBe("another coder's codings");
  });

  it('puts it in the code book caption, the counts tooltip and the code details line', () => {
    renderPanel({ counting: "Bob's codings", selected: g('Dynamic security/Rapport') });
    expect(screen.getByTestId('code-book-counting').textContent).toBe("Counts: Bob's codings");
    const rapport = screen.getByRole('treeitem', { name: 'Rapport' });
    const counts = rapport.querySelector('.cb-counts')!;
    expect(counts.getAttribute('data-counts')).toBe('2/4');
    expect(counts.getAttribute('title')).toBe("Counting Bob's codings: 2 on this code, 4 with its sub-codes");
    const sheet = screen.getByRole('region', { name: /Code details/ });
    expect(within(sheet).getByText(/^Counting Bob's codings: 2 on this code, 4 with its sub-codes\./)).toBeTruthy();
  });

  it("defaults to all coders' codings", () => {
    renderPanel();
    expect(screen.getByTestId('code-book-counting').textContent).toBe("Counts: all coders' codings");
  });
});
