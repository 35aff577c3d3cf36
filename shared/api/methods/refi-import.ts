/** REFI-QDA import: .qdpx projects into a new project, .qdc code books into this one, with an import report (issue 14). Spread into the contract (shared/api/contract.ts). */
// import { z } from 'zod';
// import { guid, name, result } from '../schema-parts.js';

export const refiImportMethods = {} as const;
