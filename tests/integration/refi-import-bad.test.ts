/**
 * REFI-QDA import, bad input (issue 14 "Bad input"): each refused with one line naming the file
 * and the problem, through the contract method the CLI uses, and no project file written.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callWithoutProject } from '../../electron/api/no-project.js';
import { planQdpx } from '../../electron/services/refi/import/import-project.js';
import { HAND_T1, handmadeQdpx, zip } from '../../fixtures/refi/build/build-refi-fixtures.js';
import { tempDir } from './helpers.js';

let d: { dir: string; done(): void };
beforeEach(() => (d = tempDir()));
afterEach(() => d.done());

async function refused(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(d.dir, name);
  writeFileSync(file, bytes);
  const out = join(d.dir, 'new.marginalia');
  const err = await callWithoutProject('refi.importProject', { path: file, output: out }).then(
    () => null,
    (e: Error) => e,
  );
  expect(err, 'the import should have been refused').not.toBeNull();
  const message = err!.message;
  expect(message.split('\n')).toHaveLength(1);
  expect(message.startsWith(`${name}: `)).toBe(true);
  // Nothing written: only the input file is in the folder.
  expect(readdirSync(d.dir)).toEqual([name]);
  return message;
}

const PROJECT = (body: string) => `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x">${body}</Project>`;

describe('bad .qdpx files', () => {
  it('not a zip', async () => {
    expect(await refused('notes.qdpx', strToU8('just some text, not an archive'))).toMatch(/not a REFI-QDA project \(\.qdpx must be a zip archive\)/);
  });

  it('a zip without any .qde', async () => {
    expect(await refused('no-qde.qdpx', zip({ 'sources/a.txt': 'hello' }))).toMatch(/holds no project\.qde/);
  });

  it('XML that is not well-formed', async () => {
    expect(await refused('broken.qdpx', zip({ 'project.qde': PROJECT('<Users><User guid="x"></Users>') }))).toMatch(
      /project\.qde is not well-formed XML \(line 1/,
    );
  });

  it('XML with a DOCTYPE and an external entity is refused, never resolved', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>`;
    expect(await refused('xxe.qdpx', zip({ 'project.qde': xxe }))).toMatch(/declares a DOCTYPE or entities/);
  });

  it('an entity declaration without DOCTYPE (billion laughs style) is refused', async () => {
    const lol = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"><!ENTITY lol "lol"></Project>`;
    expect(await refused('lol.qdpx', zip({ 'project.qde': lol }))).toMatch(/DOCTYPE or entities/);
  });

  it('an entry with ".." (zip slip)', async () => {
    const bytes = zipSync({ 'project.qde': strToU8(PROJECT('')), '../../evil.txt': strToU8('pwned') });
    expect(await refused('slip.qdpx', bytes)).toMatch(/"\.\.\/\.\.\/evil\.txt" points outside the archive/);
  });

  it('an entry with an absolute path', async () => {
    const bytes = zipSync({ 'project.qde': strToU8(PROJECT('')), '/tmp/evil.txt': strToU8('pwned') });
    expect(await refused('absolute.qdpx', bytes)).toMatch(/"\/tmp\/evil\.txt" points outside the archive/);
  });

  it('a zip bomb: refused from the declared sizes before inflating', async () => {
    const bomb = zipSync({ 'project.qde': [new Uint8Array(8 * 1024 * 1024), { level: 9 }] });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refused('bomb.qdpx', bomb)).toMatch(/"project\.qde" unpacks \d+ times larger than it is stored \(a zip bomb\?\)/);
  });

  it('a zip bomb that lies about its size: stopped while inflating', async () => {
    const bytes = zipSync({ 'project.qde': [new Uint8Array(300_000), { level: 9 }] });
    // Rewrite the central directory's uncompressed size to 100 bytes.
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = bytes.length - 22; i >= 0; i -= 1) {
      if (dv.getUint32(i, true) === 0x02014b50) {
        dv.setUint32(i + 24, 100, true);
        break;
      }
    }
    expect(await refused('liar.qdpx', bytes)).toMatch(/unpacks to more than its archive entry declares/);
  });

  it('the total cap applies to everything inflated', async () => {
    const source = '<Sources><TextSource guid="00000000-0000-4000-8000-000000000003" name="a" plainTextPath="internal://a.txt"/></Sources>';
    const bytes = zip({ 'project.qde': PROJECT(source), 'sources/a.txt': 'x '.repeat(2000) });
    await expect(planQdpx(bytes, 'capped.qdpx', { maxTotalBytes: 1000, maxRatio: 200, ratioFloorBytes: 1 << 20 })).rejects.toThrow(
      /capped\.qdpx: refused: .* more than/,
    );
  });

  it('a selection beyond the end of its source', async () => {
    const xml = PROJECT(
      `<Users><User guid="00000000-0000-4000-8000-000000000001" name="A"/></Users><CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000002" name="C" isCodable="true"/></Codes></CodeBook>` +
        `<Sources><TextSource guid="00000000-0000-4000-8000-000000000003" name="short" plainTextPath="internal://t.txt"><PlainTextSelection guid="00000000-0000-4000-8000-000000000004" startPosition="5" endPosition="${HAND_T1.length + 50}"><Coding guid="00000000-0000-4000-8000-000000000005" creatingUser="00000000-0000-4000-8000-000000000001"><CodeRef targetGUID="00000000-0000-4000-8000-000000000002"/></Coding></PlainTextSelection></TextSource></Sources>`,
    );
    const message = await refused('beyond.qdpx', zip({ 'project.qde': xml, 'sources/t.txt': HAND_T1 }));
    expect(message).toMatch(/selection 00000000-0000-4000-8000-000000000004 in "short" ends at \d+, beyond the end of its text \(\d+ characters\)/);
  });

  it('a code book handed in as a project', async () => {
    const qdc = `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-4000-8000-000000000002" name="C" isCodable="true"/></Codes></CodeBook>`;
    expect(await refused('book.qdpx', zip({ 'project.qde': qdc }))).toMatch(/is a code book, not a project/);
  });

  it('a good file still imports through the same method', async () => {
    const file = join(d.dir, 'good.qdpx');
    writeFileSync(file, handmadeQdpx());
    const r = await callWithoutProject('refi.importProject', { path: file, output: join(d.dir, 'good.marginalia') });
    expect(r.counts.codings).toBe(7);
    expect(readdirSync(d.dir).sort()).toEqual(['good.marginalia', 'good.qdpx']);
  });
});
