/** Themed excerpt export: snippet, at-a-glance and table templates in DOCX, XLSX, CSV, Markdown, HTML (issue 11). Spread into the contract (shared/api/contract.ts). */
// import { z } from 'zod';
// import { guid, name, result } from '../schema-parts.js';

export const excerptMethods = {} as const;
