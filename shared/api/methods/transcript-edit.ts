/** Correcting a transcript's text with its codings shifted through the edit (issue 13). Spread into the contract (shared/api/contract.ts). */
// import { z } from 'zod';
// import { guid, name, result } from '../schema-parts.js';

export const transcriptEditMethods = {} as const;
