/** Browser mode's HTTP bridge on a real temp project: token, validation, static files, import, undo. */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge, type BridgeOptions } from '../../electron/bridge/http.js';
import { tempProject, type TempProject } from './helpers.js';

let p: TempProject | undefined;
let bridge: Bridge | undefined;
afterEach(async () => {
  await bridge?.close();
  p?.done();
  bridge = undefined;
  p = undefined;
});

interface Reply {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

/** A raw request, so the Host header, method and body can be anything. */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body?: string, host = '127.0.0.1'): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request({ host, port, method, path, headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
    });
    req.on('error', fail);
    if (body) req.write(body);
    req.end();
  });
}

async function start(options: Omit<BridgeOptions, 'session'> = {}) {
  p = tempProject();
  bridge = await startBridge({ session: p.session, ...options });
  const b = bridge;
  const host = `127.0.0.1:${b.port}`;
  const call = async (method: string, args: unknown, token = b.token) => {
    const r = await raw(b.port, 'POST', `/api/${method}`, { host, 'content-type': 'application/json', 'x-marginalia-token': token }, JSON.stringify(args));
    return { status: r.status, json: JSON.parse(r.body) };
  };
  return { b, host, call };
}

describe('HTTP bridge (browser mode)', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token in the fragment', async () => {
    const { b } = await start();
    expect(b.address).toBe('127.0.0.1');
    expect(b.url).toBe(`http://127.0.0.1:${b.port}/#token=${b.token}`);
    expect(b.token).toMatch(/^[0-9a-f]{64}$/);
    // Any other address of this machine is refused.
    const other = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (other) await expect(raw(b.port, 'GET', '/', { host: `127.0.0.1:${b.port}` }, undefined, other.address)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('needs the token on every API call; a wrong host or origin is refused', async () => {
    const { b, host, call } = await start();
    const none = await raw(b.port, 'POST', '/api/project.info', { host }, '{}');
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/token/) } });
    expect(await call('project.info', {}, 'f'.repeat(64))).toMatchObject({ status: 401, json: { ok: false, error: { code: 'unauthorized' } } });
    expect(await call('project.info', {})).toMatchObject({ status: 200, json: { ok: true, data: { documents: 0, blind: false, revealed: [] } } });
    expect((await raw(b.port, 'POST', '/api/project.info', { host: 'evil.example', 'x-marginalia-token': b.token }, '{}')).status).toBe(403);
    expect((await raw(b.port, 'POST', '/api/project.info', { host, origin: 'http://evil.example', 'x-marginalia-token': b.token }, '{}')).status).toBe(403);
    expect((await raw(b.port, 'GET', '/api/project.info', { host, 'x-marginalia-token': b.token })).status).toBe(405);
  });

  it('validates arguments at the boundary and answers errors as {code, message}', async () => {
    const { b, host, call } = await start();
    expect((await call('nope.nothing', {})).json).toEqual({ ok: false, error: { code: 'invalid_input', message: 'unknown API method "nope.nothing"' } });
    expect((await call('__proto__', {})).json.ok).toBe(false);
    const bad = await call('codings.apply', { document: 'doc-guid', code: 'code-guid', coder: 'coder-guid', start: -1, end: 2 });
    expect(bad.json).toEqual({ ok: false, error: { code: 'invalid_input', message: 'codings.apply: start must be 0 or more' } });
    expect((await call('documents.list', { evil: true })).json).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'documents.list: unknown argument "evil"' },
    });
    expect((await call('documents.content', { document: 'ghost' })).json).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no document with GUID ghost is in this project' },
    });
    // Names are not identities: a document, code or coder is named by its GUID only.
    expect((await call('codebook.deletionImpact', { code: 'Dynamic security' })).json).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no code with GUID Dynamic security is in the code book' },
    });
    const notJson = await raw(b.port, 'POST', '/api/documents.list', { host, 'x-marginalia-token': b.token }, '{oops');
    expect(notJson.status).toBe(400);
  });

  it('refuses request bodies over the limit', async () => {
    const { b, host } = await start({ maxBodyBytes: 1000 });
    const big = await raw(b.port, 'POST', '/api/documents.list', { host, 'x-marginalia-token': b.token }, JSON.stringify({ pad: 'x'.repeat(5000) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('imports uploaded fixture files (base64), all or nothing, then codes, undoes and redoes', async () => {
    const { call } = await start();
    const file = (path: string, name = path.split('/').pop()!) => ({ name, base64: readFileSync(path).toString('base64') });
    const bad = await call('documents.import', {
      files: [file('fixtures/transcripts/co-02.txt'), { name: 'x.docx', base64: Buffer.from('not a zip').toString('base64') }],
    });
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'corrupt_file', message: expect.stringMatching(/^x\.docx: /) } });
    expect((await call('documents.list', {})).json.data).toEqual([]);

    const imported = await call('documents.import', {
      files: [file('fixtures/formats/co-01.docx'), file('fixtures/transcripts/ip-01.txt', '../../evil/ip-01.txt')],
    });
    expect(imported.json).toMatchObject({ ok: true, data: { imported: [{ name: 'co-01.docx' }, { name: 'ip-01.txt' }], skipped: [] } });
    const doc = (imported.json.data.imported as { guid: string; name: string }[]).find((d) => d.name === 'co-01.docx')!.guid;
    const alice = (await call('coders.add', { name: 'Alice' })).json.data.guid as string;
    const codes = (await call('codebook.list', {})).json.data as { guid: string; path: string }[];
    const rapport = codes.find((c) => c.path === 'Dynamic security/Rapport')!.guid;
    const applied = await call('codings.apply', { document: doc, code: rapport, coder: alice, start: 0, end: 20 });
    expect(applied.json).toMatchObject({ ok: true, data: { start: 0, end: 20, mergedWith: [] } });
    const view = await call('codings.forDocument', { document: doc, coders: [alice] });
    expect(view.json.data).toEqual([
      expect.objectContaining({
        guid: applied.json.data.guid,
        codeGuid: rapport,
        code: 'Dynamic security/Rapport',
        coderGuid: alice,
        coder: 'Alice',
        start: 0,
        end: 20,
        color: expect.stringMatching(/^#/),
      }),
    ]);
    const docs = (await call('documents.list', {})).json.data as { name: string; byCoder: unknown[] }[];
    expect(docs.find((d) => d.name === 'co-01.docx')?.byCoder).toEqual([{ coderGuid: alice, coder: 'Alice', codings: 1 }]);

    expect((await call('history.state', {})).json.data).toMatchObject({ canUndo: true, undoLabel: 'apply code "Rapport"' });
    expect((await call('history.undo', {})).json.data).toMatchObject({ label: 'apply code "Rapport"', entities: ['coding'], state: { canRedo: true } });
    expect((await call('codings.forDocument', { document: doc })).json.data).toEqual([]);
    await call('history.redo', {});
    expect((await call('codings.forDocument', { document: doc })).json.data).toEqual([expect.objectContaining({ guid: applied.json.data.guid })]);
  });

  it('serves only the built renderer folder, with a strict CSP', async () => {
    const outer = mkdtempSync(join(tmpdir(), 'marginalia-static-'));
    const tmp = join(outer, 'renderer');
    mkdirSync(join(tmp, 'assets'), { recursive: true });
    writeFileSync(join(tmp, 'index.html'), '<!doctype html><title>M</title>');
    writeFileSync(join(tmp, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmp, '..', 'secret.txt'), 'secret');
    symlinkSync(join(tmp, '..', 'secret.txt'), join(tmp, 'assets', 'link.txt'));
    const { b, host } = await start({ staticDir: tmp });
    const page = await raw(b.port, 'GET', '/', { host });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toMatch(/^default-src 'none'; script-src 'self';/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const js = await raw(b.port, 'GET', '/assets/app.js', { host });
    expect([js.body, js.headers['content-type']]).toEqual(['console.log(1)', 'text/javascript; charset=utf-8']);
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/assets/link.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const r = await raw(b.port, 'GET', path, { host });
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.body).not.toContain('secret');
    }
  });

  it('says how to build the renderer when it is not built', async () => {
    const { b, host } = await start({ staticDir: mkdtempSync(join(tmpdir(), 'marginalia-empty-')) });
    const page = await raw(b.port, 'GET', '/', { host });
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/npm run build:renderer/);
  });
});
