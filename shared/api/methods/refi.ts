/** REFI-QDA export: .qdpx projects and .qdc code books (issue 14). Spread into the contract (shared/api/contract.ts). */
// import { z } from 'zod';
// import { guid, name, result } from '../schema-parts.js';

export const refiMethods = {} as const;
