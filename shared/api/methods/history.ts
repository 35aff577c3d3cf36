/** Undo across restarts and the audit of who changed what (issue 13). Spread into the contract (shared/api/contract.ts). */
import { z } from 'zod';
import { guid, limit, need, result, once } from '../schema-parts.js';
import type { AuditFile, AuditView } from '../types-history.js';

/** Who and which document: both optional; an event must match every filter given. */
const filters = once(() => ({
  /** The actor as the log records it (compared case-insensitively). */
  actor: z.string(need('text')).trim().min(1, 'must not be empty').max(500, 'is too long').optional(),
  /** A document's GUID: events about it, its codings, memo and consensus decisions. */
  document: guid().optional(),
}));

export const historyMethods = {
  /** The event log as an audit trail: who changed what and when, newest first, a page at a time. */
  'project.audit': {
    args: () =>
      z.strictObject({
        ...filters(),
        limit: limit().optional(),
        /** Only events older than this id (the previous page's `nextBefore`). */
        before: z.number(need('a number')).int('must be a whole number').min(1, 'must be 1 or more').optional(),
      }),
    result: result<AuditView>(),
  },
  /** The whole filtered audit trail as a CSV file (RFC 4180, UTF-8 with BOM), the bytes as base64. */
  'project.auditExport': { args: () => z.strictObject(filters()), result: result<AuditFile>() },
} as const;
