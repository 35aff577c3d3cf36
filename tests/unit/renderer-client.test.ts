/**
 * The renderer's API client is typed by the contract but holds no list of its own: every
 * contract method is callable through it, only method-shaped names are, and the renderer
 * imports the contract (and its zod schemas) as types only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiCallError, createApiClient, type Transport } from '../../renderer/api/client.js';
import { API_METHODS, type ApiMethod } from '../../shared/api/contract.js';

const ROOT = join(import.meta.dirname, '..', '..');

function recording() {
  const calls: [ApiMethod, unknown][] = [];
  const transport: Transport = async (method, args) => {
    calls.push([method, args]);
    return method === 'codings.remove' ? { ok: false, error: { code: 'not_found', message: 'coding g is not in this project' } } : { ok: true, data: method };
  };
  return { calls, api: createApiClient(transport) };
}

describe('the renderer API client', () => {
  it('calls every contract method by its own name, with {} when given no arguments', async () => {
    const { calls, api } = recording();
    const client = api as unknown as Record<string, (args?: unknown) => Promise<unknown>>;
    for (const m of API_METHODS) {
      expect(typeof client[m]).toBe('function');
      if (m !== 'codings.remove') expect(await client[m]!()).toBe(m);
    }
    expect(calls.map(([m]) => m)).toEqual(API_METHODS.filter((m) => m !== 'codings.remove'));
    expect(calls.every(([, args]) => JSON.stringify(args) === '{}')).toBe(true);
    await api['codings.apply']({ document: 'a.txt', code: 'A', coder: 'Alice', start: 0, end: 5 });
    expect(calls.at(-1)).toEqual(['codings.apply', { document: 'a.txt', code: 'A', coder: 'Alice', start: 0, end: 5 }]);
    // The same function each time, so it can sit in a React dependency list.
    expect(api['documents.list']).toBe(api['documents.list']);
  });

  it('turns a refused call into an ApiCallError with its code', async () => {
    const { api } = recording();
    await expect(api['codings.remove']({ guid: 'g' })).rejects.toEqual(new ApiCallError('not_found', 'coding g is not in this project'));
  });

  it('has no property but method names: it is not a promise, and cannot be changed', async () => {
    const { calls, api } = recording();
    const client = api as unknown as Record<string | symbol, unknown>;
    for (const key of ['then', 'toJSON', 'constructor', '__proto__', 'documents', 'documents.list.x', Symbol.iterator]) expect(client[key]).toBeUndefined();
    expect(await Promise.resolve(api)).toBe(api);
    expect(() => {
      client['documents.list'] = () => 'hijacked';
    }).toThrow(TypeError);
    expect(calls).toEqual([]);
  });

  it('the renderer imports the contract as a type only, so zod is never bundled into the page', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !name.endsWith('vite.config.ts')) {
          const text = readFileSync(p, 'utf8');
          for (const m of text.matchAll(/import\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/g)) {
            if ((m[2]!.endsWith('shared/api/contract.js') || m[2]!.endsWith('shared/api/validate.js') || m[2] === 'zod') && !m[1])
              offenders.push(`${relative(ROOT, p)}: ${m[0]}`);
          }
        }
      }
    };
    walk(join(ROOT, 'renderer'));
    expect(offenders).toEqual([]);
  });
});
