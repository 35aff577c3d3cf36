import { describe, expect, it } from 'vitest';
import { newGuid } from '../../shared/ids.js';

describe('GUIDs', () => {
  it('are RFC 9562 version-7 UUIDs, unique and in creation order', () => {
    const ids = Array.from({ length: 10_000 }, () => newGuid());
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
