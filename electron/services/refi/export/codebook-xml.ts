/** The .qdc code book (QDA-XML 1.0, Codebook.xsd): the code tree with colours and Descriptions. */
import { fail } from '../../../../shared/errors.js';
import { EL, NS_CODEBOOK, ORIGIN, refiGuidFor } from '../../../../shared/refi/index.js';
import { attrs, projectNamespace, writeCodes } from './project-xml.js';
import type { RefiSnapshot } from './snapshot.js';

export function buildCodebookXml(snap: RefiSnapshot): string {
  // Codebook.xsd requires at least one Code inside Codes.
  if (snap.codes.length === 0) fail('invalid_input', 'the code book has no codes; a .qdc file needs at least one');
  const ns = projectNamespace(snap);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<${EL.CodeBook} xmlns="${NS_CODEBOOK}"${attrs([['origin', ORIGIN]])}>`, `  <${EL.Codes}>`];
  writeCodes(out, snap.codes, '    ', (c) => refiGuidFor(ns, 'code', c.guid));
  out.push(`  </${EL.Codes}>`, `</${EL.CodeBook}>`, '');
  return out.join('\n');
}
