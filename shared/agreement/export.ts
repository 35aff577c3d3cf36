/**
 * The agreement report as a file: the formats it can be exported in, and what the export call
 * returns (the file's bytes as base64, so the same result serves a browser download and the
 * CLI writing a file).
 */
export const REPORT_FORMATS = ['xlsx', 'csv', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface AgreementExportFile {
  /** A file name to save under, e.g. "study agreement character 2026-12-03.xlsx". */
  name: string;
  mime: string;
  base64: string;
}

/** Krippendorff (2004), Content Analysis, 2nd ed., p. 241: the bands every export and the dashboard state. */
export const ALPHA_BANDS = {
  reliable: 0.8,
  tentative: 0.667,
  source: 'Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), p. 241',
} as const;

export function alphaBand(v: number | null): 'reliable' | 'tentative' | 'unreliable' | null {
  if (v === null) return null;
  return v >= ALPHA_BANDS.reliable ? 'reliable' : v >= ALPHA_BANDS.tentative ? 'tentative' : 'unreliable';
}
