/**
 * Schema validation of REFI-QDA exports with Debian's xmllint against the vendored XSDs
 * (fixtures/refi-qda/). Every export the REFI tests make goes through `expectValid`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const XSD_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'refi-qda');
export const PROJECT_XSD = join(XSD_DIR, 'Project.xsd');
export const CODEBOOK_XSD = join(XSD_DIR, 'Codebook.xsd');

/** xmllint's verdict: exit status and its messages. */
export function xmllint(xml: string, xsd: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-xsd-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    const r = spawnSync('/usr/bin/xmllint', ['--noout', '--nonet', '--schema', xsd, file], { encoding: 'utf8' });
    if (r.error) throw r.error;
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function expectValid(xml: string, xsd: string): void {
  const r = xmllint(xml, xsd);
  expect(r.output).toMatch(/validates/);
  expect(r.status).toBe(0);
}
