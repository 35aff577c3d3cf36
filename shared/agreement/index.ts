/** Agreement statistics: pure, no I/O. One statistic family per file; this file only re-exports. */
export * from './table.js';
export * from './percent.js';
export * from './kappa.js';
export * from './fleiss.js';
export * from './brennan.js';
export * from './gwet.js';
export * from './krippendorff.js';
export * from './spans.js';
export * from './character.js';
export * from './unitized.js';
export * from './aggregate.js';
export * from './bootstrap.js';
export * from './difference.js';
