/**
 * Parsing QDA-XML safely. A DOCTYPE or any entity declaration is refused before parsing, so no
 * entity is ever defined, expanded or fetched (no XXE, no billion laughs); only the five
 * predefined entities and character references are decoded, by us. Text is kept exactly
 * (no trimming, no number parsing): a source's plain text must not change by one character.
 * Namespace prefixes are dropped; the root's namespace is returned for the caller to judge.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail } from '../../../../shared/errors.js';

/** A parsed element: attributes under '@', text under '#text', children by local name. */
export type XmlNode = { '@'?: Record<string, string>; '#text'?: string } & Record<string, unknown>;

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

function decode(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

/** Elements that may repeat; always read as arrays so one and many look alike. */
const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'VariableValue',
  'SourceRef',
  'SelectionRef',
  'CodeRef',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'PDFSelection',
  'PictureSelection',
  'AudioSelection',
  'VideoSelection',
  'Transcript',
  'TranscriptSelection',
  'Coding',
  'NoteRef',
  'Note',
  'Set',
  'MemberCode',
  'MemberSource',
  'MemberNote',
  'Link',
  'Graph',
  'Vertex',
  'Edge',
]);

export interface ParsedXml {
  root: XmlNode;
  rootName: string;
  /** The root element's namespace (xmlns of its prefix, or the default), '' when none. */
  namespace: string;
}

export function parseQdaXml(bytes: Uint8Array, file: string, entry: string): ParsedXml {
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail('corrupt_file', `${file}: ${entry} is not UTF-8 text`);
  }
  if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    fail('invalid_input', `${file}: refused: ${entry} declares a DOCTYPE or entities, which REFI-QDA files never need (entities are never resolved)`);
  }
  const valid = guarded(file, entry, () => XMLValidator.validate(xml));
  if (valid !== true) {
    fail('corrupt_file', `${file}: ${entry} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributesGroupName: '@',
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    tagValueProcessor: (_n, v) => decode(v),
    attributeValueProcessor: (_n, v) => decode(v),
    isArray: (name) => REPEATED.has(name),
  });
  const doc = guarded(file, entry, () => parser.parse(xml) as Record<string, unknown>);
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (!rootName) fail('corrupt_file', `${file}: ${entry} has no root element`);
  const rootRaw = doc[rootName];
  const root: XmlNode = typeof rootRaw === 'object' && rootRaw !== null ? (rootRaw as XmlNode) : {};
  return { root, rootName, namespace: rootNamespace(xml) };
}

/**
 * The parser's own refusals (nesting past its limit, an unclosed processing instruction) are
 * plain Errors: they become the file's one-line corrupt_file message, never an internal error.
 */
function guarded<T>(file: string, entry: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    if (/nested/i.test(message)) fail('corrupt_file', `${file}: ${entry} is nested too deeply to be a REFI-QDA file (${message})`);
    fail('corrupt_file', `${file}: ${entry} is not well-formed XML (${message})`);
  }
}

function rootNamespace(xml: string): string {
  const start = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)\b([^>]*)>/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  if (!start) return '';
  const prefix = start[1] ? start[1].slice(0, -1) : '';
  const attr = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(["'])(.*?)\\1`).exec(start[3] ?? '');
  return attr ? decode(attr[2]!) : '';
}

/** Helpers for reading XmlNode trees without casts everywhere. */
export const attr = (n: XmlNode | undefined, name: string): string | undefined => n?.['@']?.[name];

export function kids(n: XmlNode | undefined, name: string): XmlNode[] {
  const v = n?.[name];
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => (typeof x === 'object' && x !== null ? (x as XmlNode) : ({ '#text': String(x) } as XmlNode)));
}

export function child(n: XmlNode | undefined, name: string): XmlNode | undefined {
  return kids(n, name)[0];
}

/** The text of an element (its '#text', or the element itself when it is only text). */
export function textOf(n: XmlNode | undefined): string | undefined {
  if (n === undefined) return undefined;
  if (typeof n === 'string') return n;
  const t = n['#text'];
  return typeof t === 'string' ? t : t === undefined ? '' : String(t);
}

export function childText(n: XmlNode | undefined, name: string): string | undefined {
  const v = n?.[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  return textOf(Array.isArray(v) ? (v[0] as XmlNode) : (v as XmlNode));
}
