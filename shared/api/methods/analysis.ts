/** Analysis: frequencies and prevalence, co-occurrence, cross-tabs by case attribute (issue 11). Spread into the contract (shared/api/contract.ts). */
// import { z } from 'zod';
// import { guid, name, result } from '../schema-parts.js';

export const analysisMethods = {} as const;
