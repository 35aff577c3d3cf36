/**
 * REFI-QDA (QDA-XML 1.0) names shared by the export (engineer C) and the import (engineer D), so
 * both sides spell every namespace, element and attribute the same way. Keep these stable.
 */

/** Namespaces of the two schemas (../shared/refi-qda/Project.xsd and Codebook.xsd). */
export const NS_PROJECT = 'urn:QDA-XML:project:1.0';
export const NS_CODEBOOK = 'urn:QDA-XML:codebook:1.0';
/**
 * Code-book namespaces seen in real .qdc files: the standard one, tools that reuse the project
 * namespace, and a colon-for-dot typo. Import accepts all of them; export writes NS_CODEBOOK only.
 */
export const CODEBOOK_NAMESPACES_SEEN = [NS_CODEBOOK, NS_PROJECT, 'urn:QDA-XML:codebook:1:0'] as const;

/** Inside a .qdpx: the project XML and the folder with the sources' files. */
export const QDE_ENTRY = 'project.qde';
export const SOURCES_DIR = 'sources';
/** plainTextPath values point into SOURCES_DIR with this prefix ("internal://<guid>.txt"). */
export const INTERNAL_PREFIX = 'internal://';
/** File extensions. */
export const QDPX_EXT = '.qdpx';
export const QDC_EXT = '.qdc';
/** Written as the origin attribute of Project and CodeBook. */
export const ORIGIN = 'Marginalia';

/** Element names (local names; both schemas use elementFormDefault="qualified"). */
export const EL = {
  Project: 'Project',
  Users: 'Users',
  User: 'User',
  CodeBook: 'CodeBook',
  Codes: 'Codes',
  Code: 'Code',
  Sets: 'Sets',
  Set: 'Set',
  MemberCode: 'MemberCode',
  Variables: 'Variables',
  Variable: 'Variable',
  Cases: 'Cases',
  Case: 'Case',
  VariableValue: 'VariableValue',
  VariableRef: 'VariableRef',
  TextValue: 'TextValue',
  BooleanValue: 'BooleanValue',
  IntegerValue: 'IntegerValue',
  FloatValue: 'FloatValue',
  DateValue: 'DateValue',
  DateTimeValue: 'DateTimeValue',
  SourceRef: 'SourceRef',
  SelectionRef: 'SelectionRef',
  CodeRef: 'CodeRef',
  Sources: 'Sources',
  TextSource: 'TextSource',
  PictureSource: 'PictureSource',
  PDFSource: 'PDFSource',
  AudioSource: 'AudioSource',
  VideoSource: 'VideoSource',
  Representation: 'Representation',
  PlainTextContent: 'PlainTextContent',
  PlainTextSelection: 'PlainTextSelection',
  Coding: 'Coding',
  Notes: 'Notes',
  Note: 'Note',
  NoteRef: 'NoteRef',
  Links: 'Links',
  Graphs: 'Graphs',
  Description: 'Description',
} as const;

/** Attribute names. */
export const ATTR = {
  guid: 'guid',
  name: 'name',
  id: 'id',
  origin: 'origin',
  color: 'color',
  isCodable: 'isCodable',
  typeOfVariable: 'typeOfVariable',
  targetGUID: 'targetGUID',
  plainTextPath: 'plainTextPath',
  richTextPath: 'richTextPath',
  startPosition: 'startPosition',
  endPosition: 'endPosition',
  creatingUser: 'creatingUser',
  creationDateTime: 'creationDateTime',
  modifyingUser: 'modifyingUser',
  modifiedDateTime: 'modifiedDateTime',
  creatingUserGUID: 'creatingUserGUID',
  modifyingUserGUID: 'modifyingUserGUID',
} as const;

/** Our attribute types ↔ REFI typeOfVariable. REFI "Integer" and "Float" both come back as number. */
export const VARIABLE_TYPE_OUT = { text: 'Text', number: 'Float', date: 'Date', boolean: 'Boolean' } as const;
export const VARIABLE_TYPE_IN: Record<string, 'text' | 'number' | 'date' | 'boolean'> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'text',
};
/** The value element for each REFI variable type. */
export const VALUE_ELEMENT: Record<string, string> = {
  Text: EL.TextValue,
  Boolean: EL.BooleanValue,
  Integer: EL.IntegerValue,
  Float: EL.FloatValue,
  Date: EL.DateValue,
  DateTime: EL.DateTimeValue,
};
