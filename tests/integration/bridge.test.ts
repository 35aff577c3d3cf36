import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/http.js';
import { createHandlers } from '../../electron/api/handlers.js';
import { API_METHODS } from '../../shared/api/contract.js';
import { tempProject, type TempProject } from './helpers.js';

let p: TempProject;
let bridge: Bridge;
afterEach(async () => {
  await bridge?.close();
  p?.done();
});

/** A raw request, so the Host header and method can be anything. */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
    });
    req.on('error', fail);
    if (body) req.write(body);
    req.end();
  });
}

async function start(staticDir?: string) {
  p = tempProject();
  bridge = await startBridge(p.session, staticDir ? { staticDir } : {});
  const host = `127.0.0.1:${bridge.port}`;
  const call = (method: string, args: unknown, token = bridge.token) =>
    raw(bridge.port, 'POST', `/api/${method}`, { host, 'content-type': 'application/json', 'x-marginalia-token': token }, JSON.stringify(args)).then((r) => ({ status: r.status, json: JSON.parse(r.body) }));
  return { host, call };
}

describe('HTTP bridge (browser mode)', () => {
  it('listens on 127.0.0.1 only, prints a URL with the token in the fragment, and needs the token', async () => {
    const { host, call } = await start();
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
    expect(await call('project.info', {}, 'wrong'.padEnd(64, '0'))).toMatchObject({ status: 401, json: { ok: false, error: { code: 'unauthorized' } } });
    const none = await raw(bridge.port, 'POST', '/api/project.info', { host }, '{}');
    expect(none.status).toBe(401);
    const info = await call('project.info', {});
    expect(info).toMatchObject({ status: 200, json: { ok: true, data: { documents: 0, blind: false } } });
    const rebinding = await raw(bridge.port, 'POST', '/api/project.info', { host: 'evil.example:80', 'x-marginalia-token': bridge.token }, '{}');
    expect(rebinding.status).toBe(403);
  });

  it('validates arguments at the boundary and returns errors as {code, message}', async () => {
    const { call } = await start();
    expect((await call('nope.nothing', {})).json).toEqual({ ok: false, error: { code: 'invalid_input', message: 'unknown API method "nope.nothing"' } });
    const bad = await call('codings.apply', { document: 'a.txt', code: 'X', coder: 'A', start: -1, end: 2 });
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^codings\.apply: start must be 0 or more$/) } });
    const extra = await call('documents.list', { evil: true });
    expect(extra.json.ok).toBe(false);
    const missing = await call('documents.content', { document: 'ghost.txt' });
    expect(missing.json).toEqual({ ok: false, error: { code: 'not_found', message: 'document "ghost.txt" is not in this project' } });
  });

  it('imports an uploaded file, codes it and reads it back through the API', async () => {
    const { call } = await start();
    const base64 = readFileSync('fixtures/formats/co-01.docx').toString('base64');
    const imported = await call('documents.import', { files: [{ name: 'co-01.docx', base64 }] });
    expect(imported.json).toMatchObject({ ok: true, data: { imported: [{ name: 'co-01.docx' }] } });
    expect((await call('coders.add', { name: 'Alice' })).json.ok).toBe(true);
    const applied = await call('codings.apply', { document: 'co-01.docx', code: 'Dynamic security/Rapport', coder: 'Alice', start: 0, end: 20 });
    expect(applied.json.ok).toBe(true);
    const view = await call('codings.forDocument', { document: 'co-01.docx' });
    expect(view.json.data).toEqual([expect.objectContaining({ code: 'Dynamic security/Rapport', coder: 'Alice', start: 0, end: 20, color: expect.stringMatching(/^#/) })]);
    const bad = await call('documents.import', { files: [{ name: 'x.docx', base64: Buffer.from('not a zip').toString('base64') }] });
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'corrupt_file', message: expect.stringMatching(/^x\.docx: /) } });
  });

  it('serves only the built renderer folder, with a strict CSP', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'marginalia-static-'));
    mkdirSync(join(tmp, 'assets'));
    writeFileSync(join(tmp, 'index.html'), '<!doctype html><title>M</title>');
    writeFileSync(join(tmp, 'assets', 'app.js'), 'console.log(1)');
    const { host } = await start(tmp);
    const page = await raw(bridge.port, 'GET', '/', { host });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toMatch(/^default-src 'none'; script-src 'self'/);
    expect((await raw(bridge.port, 'GET', '/assets/app.js', { host })).body).toBe('console.log(1)');
    expect((await raw(bridge.port, 'GET', '/../package.json', { host })).status).toBe(404);
    expect((await raw(bridge.port, 'GET', '/%2e%2e/%2e%2e/package.json', { host })).status).toBe(404);
  });
});

describe('the API contract', () => {
  it('has a handler for every method and no handler without a method', () => {
    p = tempProject({ empty: true });
    const handlers = createHandlers(p.session);
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
  });
});
