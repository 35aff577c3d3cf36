/** Undo across restarts and the audit of who changed what (issue 13). Spread into the contract (shared/api/contract.ts). */
// import { z } from 'zod';
// import { guid, name, result } from '../schema-parts.js';

export const historyMethods = {} as const;
