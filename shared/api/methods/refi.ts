/** REFI-QDA exchange: .qdpx projects and .qdc code books, out and in (issue 14). Spread into the contract (shared/api/contract.ts). */
// import { z } from 'zod';
// import { guid, name, result } from '../schema-parts.js';

export const refiMethods = {} as const;
