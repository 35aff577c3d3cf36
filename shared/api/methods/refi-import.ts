/** REFI-QDA import: .qdpx projects into a new project, .qdc code books into this one, with an import report (issue 14). Spread into the contract (shared/api/contract.ts). */
import { z } from 'zod';
import type { RefiCodebookImportReport, RefiProjectImportReport } from '../types-refi-import.js';
import { filePath, name, need, result, tableText } from '../schema-parts.js';

export const refiImportMethods = {
  /**
   * A .qdpx on this computer into a NEW project file at `output` (refused when it exists; nothing
   * is written for a bad file). Needs no open project (electron/api/no-project.ts); the CLI and the
   * Electron menu use it.
   */
  'refi.importProject': { args: () => z.strictObject({ path: filePath(), output: filePath() }), result: result<RefiProjectImportReport>() },
  /**
   * Browser mode: the .qdpx's bytes; the new project is written beside the open one, named after
   * the upload (or `output`, a file name), never over an existing file. The open project is unchanged.
   */
  'refi.importProjectUpload': {
    args: () =>
      z.strictObject({
        name: name(),
        base64: z.string(need('base64 text')).max(700_000_000, 'is over the 512 MB import limit'),
        output: name().optional(),
      }),
    result: result<RefiProjectImportReport>(),
  },
  /** A .qdc code book (its XML text) merged into this project's code book, by GUID then path; one action. */
  'refi.importCodebook': {
    writes: true,
    args: () => z.strictObject({ content: tableText(), name: name().optional() }),
    result: result<RefiCodebookImportReport>(),
  },
} as const;
