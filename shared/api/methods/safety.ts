/** Data safety: integrity check, backups and restore, the project lock (issue 13). Spread into the contract (shared/api/contract.ts). */
// import { z } from 'zod';
// import { guid, name, result } from '../schema-parts.js';

export const safetyMethods = {} as const;
