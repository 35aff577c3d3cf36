/** REFI-QDA export: .qdpx projects and .qdc code books (issue 14). Spread into the contract (shared/api/contract.ts). */
import { z } from 'zod';
import type { RefiCodebookExport, RefiExportDownload, RefiExportFile } from '../../refi/types.js';
import { filePath, none, result } from '../schema-parts.js';

export const refiMethods = {
  /** The whole project as a .qdpx (base64, for the browser to download); validates against Project.xsd. */
  'refi.exportProject': { args: () => none(), result: result<RefiExportDownload>() },
  /** The same .qdpx written to a path on this computer (CLI, Electron menu), atomically. */
  'refi.exportProjectToFile': { args: () => z.strictObject({ path: filePath() }), result: result<RefiExportFile>() },
  /** The code book as .qdc XML text; validates against Codebook.xsd. */
  'refi.exportCodebook': { args: () => none(), result: result<RefiCodebookExport>() },
} as const;
