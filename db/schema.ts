/**
 * The project file's schema. drizzle-kit turns changes here into migrations in db/migrations;
 * a landed migration is history and is never edited. Things drizzle cannot express (the FTS5
 * table, triggers that keep the text immutable and the event log append-only) live in custom
 * migrations generated with `drizzle-kit generate --custom`.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const createdAt = () => text('created_at').notNull();
const guid = () => text('guid').notNull().unique();

/** Key/value settings of the project itself (its GUID, name, blind mode…). */
export const projectMeta = sqliteTable('project_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guid: guid(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cases_name_unique').on(sql`${t.name} COLLATE NOCASE`)],
);

export const attributes = sqliteTable(
  'attributes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guid: guid(),
    name: text('name').notNull(),
    type: text('type', { enum: ['text', 'number', 'date', 'boolean'] }).notNull(),
  },
  (t) => [
    uniqueIndex('attributes_name_unique').on(sql`${t.name} COLLATE NOCASE`),
    check('attributes_type_check', sql`${t.type} IN ('text','number','date','boolean')`),
  ],
);

export const caseValues = sqliteTable(
  'case_values',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    attributeId: integer('attribute_id')
      .notNull()
      .references(() => attributes.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.attributeId] })],
);

export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guid: guid(),
    name: text('name').notNull(),
    format: text('format').notNull(),
    /** Length in UTF-16 code units, the unit of every offset. */
    length: integer('length').notNull(),
    contentHash: text('content_hash').notNull(),
    sourceName: text('source_name').notNull(),
    importedAt: text('imported_at').notNull(),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('documents_name_unique').on(sql`${t.name} COLLATE NOCASE`),
    index('documents_hash_idx').on(t.contentHash),
    check('documents_length_check', sql`${t.length} >= 0`),
  ],
);

/**
 * The normalised text of a document, kept apart from `documents` so that listing documents and
 * the per-coding range check never read a long text.
 */
export const documentTexts = sqliteTable('document_texts', {
  documentId: integer('document_id')
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
});

export const turns = sqliteTable(
  'turns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    speaker: text('speaker').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    speechStart: integer('speech_start').notNull(),
  },
  (t) => [index('turns_doc_idx').on(t.documentId, t.start), check('turns_span_check', sql`${t.start} >= 0 AND ${t.start} < ${t.end}`)],
);

export const cues = sqliteTable(
  'cues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    beginMs: integer('begin_ms').notNull(),
    endMs: integer('end_ms').notNull(),
  },
  (t) => [index('cues_doc_idx').on(t.documentId, t.start), check('cues_span_check', sql`${t.start} >= 0 AND ${t.start} < ${t.end}`)],
);

/** One speaker's turns in a document belong to a case (e.g. the participant, not the interviewer). */
export const speakerCases = sqliteTable(
  'speaker_cases',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    speaker: text('speaker').notNull(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.speaker] })],
);

export const codes = sqliteTable(
  'codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guid: guid(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => codes.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    color: text('color').notNull(),
    definition: text('definition').notNull().default(''),
    inclusion: text('inclusion').notNull().default(''),
    exclusion: text('exclusion').notNull().default(''),
    example: text('example').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    // Names are unique among siblings only; roots share parent 0.
    // (CASE … END, not coalesce(): drizzle-kit splits index expressions on commas.)
    uniqueIndex('codes_parent_name_unique').on(sql`(CASE WHEN ${t.parentId} IS NULL THEN 0 ELSE ${t.parentId} END)`, sql`${t.name} COLLATE NOCASE`),
    check('codes_name_check', sql`length(trim(${t.name})) > 0 AND instr(${t.name}, '/') = 0`),
  ],
);

export const coders = sqliteTable(
  'coders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guid: guid(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('coders_name_unique').on(sql`${t.name} COLLATE NOCASE`)],
);

export const codings = sqliteTable(
  'codings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guid: guid(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    codeId: integer('code_id')
      .notNull()
      .references(() => codes.id, { onDelete: 'cascade' }),
    coderId: integer('coder_id')
      .notNull()
      .references(() => coders.id, { onDelete: 'restrict' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    /** A copy of the quoted text, so exports and audits never depend on re-slicing. */
    quote: text('quote').notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // One index for the span-union rule's lookup (same document, code and coder, near a span), for
    // "codings of a document", and — since it holds every span column — for agreement's read of
    // all spans, which scans this index and never the rows with their quotes.
    index('codings_span_idx').on(t.documentId, t.codeId, t.coderId, t.start, t.end),
    index('codings_code_idx').on(t.codeId),
    check('codings_span_check', sql`${t.start} >= 0 AND ${t.start} < ${t.end}`),
  ],
);

/** One memo per target; the project memo has target_id 0. */
export const memos = sqliteTable(
  'memos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guid: guid(),
    targetKind: text('target_kind', { enum: ['project', 'document', 'code', 'coding', 'case'] }).notNull(),
    targetId: integer('target_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('memos_target_unique').on(t.targetKind, t.targetId),
    check('memos_kind_check', sql`${t.targetKind} IN ('project','document','code','coding','case')`),
  ],
);

/** Append-only log of every change; triggers refuse UPDATE and DELETE. `batch` groups one user action. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batch: text('batch').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityGuid: text('entity_guid'),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('events_batch_idx').on(t.batch), index('events_entity_idx').on(t.entityGuid)],
);

/**
 * Consensus: one row per decided disagreement between two coders. `item_id` is the stable id of
 * the disagreement (a hash of document, code, coders, kind and span); the consensus coder's
 * codings are derived from the agreed text plus these decisions.
 */
export const consensusDecisions = sqliteTable(
  'consensus_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guid: guid(),
    itemId: text('item_id').notNull(),
    consensusCoderId: integer('consensus_coder_id')
      .notNull()
      .references(() => coders.id, { onDelete: 'cascade' }),
    coderAId: integer('coder_a_id')
      .notNull()
      .references(() => coders.id, { onDelete: 'cascade' }),
    coderBId: integer('coder_b_id')
      .notNull()
      .references(() => coders.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    codeId: integer('code_id')
      .notNull()
      .references(() => codes.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['onlyA', 'onlyB'] }).notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    decision: text('decision', { enum: ['accept-a', 'accept-b', 'keep-both', 'drop', 'custom'] }).notNull(),
    customStart: integer('custom_start'),
    customEnd: integer('custom_end'),
    reason: text('reason').notNull().default(''),
    decidedBy: text('decided_by').notNull(),
    decidedAt: text('decided_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('consensus_item_unique').on(t.consensusCoderId, t.itemId),
    index('consensus_cell_idx').on(t.consensusCoderId, t.documentId, t.codeId),
    check('consensus_kind_check', sql`${t.kind} IN ('onlyA','onlyB')`),
    check('consensus_decision_check', sql`${t.decision} IN ('accept-a','accept-b','keep-both','drop','custom')`),
    check(
      'consensus_custom_check',
      sql`(${t.decision} = 'custom') = (${t.customStart} IS NOT NULL AND ${t.customEnd} IS NOT NULL AND ${t.customStart} < ${t.customEnd})`,
    ),
  ],
);

/**
 * A coding whose words were all deleted by a correction of its document's text (issue 13): kept,
 * with its quote and the place where its words were, instead of being dropped. `snapshot` holds
 * the coding row and its memo as they were, so undoing the correction puts it back exactly.
 */
export const codingOrphans = sqliteTable(
  'coding_orphans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The coding's own GUID. */
    guid: guid(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    codeId: integer('code_id')
      .notNull()
      .references(() => codes.id, { onDelete: 'cascade' }),
    coderId: integer('coder_id')
      .notNull()
      .references(() => coders.id, { onDelete: 'cascade' }),
    /** Offset in the corrected text where the deleted words were. */
    at: integer('at').notNull(),
    quote: text('quote').notNull(),
    orphanedAt: text('orphaned_at').notNull(),
    snapshot: text('snapshot').notNull(),
  },
  (t) => [index('coding_orphans_doc_idx').on(t.documentId, t.at)],
);

/**
 * Rows present only inside a transcript-edit transaction: the triggers that keep a document's
 * text immutable let exactly that document's text change while its row is here.
 */
export const documentTextEdits = sqliteTable('document_text_edits', {
  documentId: integer('document_id').primaryKey(),
});
