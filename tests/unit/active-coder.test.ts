/** The remembered active coder: by GUID, and a name stored by an older version found once by name. */
import { describe, expect, it } from 'vitest';
import { activeCoder } from '../../renderer/workspace/active-coder.js';

const CODERS = [
  { guid: '01a2-alice', name: 'Alice' },
  { guid: '01a2-bob', name: 'Bob' },
];

describe('activeCoder', () => {
  it('finds the remembered GUID', () => {
    expect(activeCoder(CODERS, '01a2-bob')).toBe(CODERS[1]);
  });

  it('maps a name remembered by an older version to that coder (ignoring case)', () => {
    expect(activeCoder(CODERS, 'alice')).toBe(CODERS[0]);
  });

  it('is null when nothing is remembered, or the coder is not in this project', () => {
    expect(activeCoder(CODERS, '')).toBeNull();
    expect(activeCoder(CODERS, 'Carol')).toBeNull();
    expect(activeCoder(CODERS, '01a2-carol')).toBeNull();
    expect(activeCoder([], 'Alice')).toBeNull();
  });
});
