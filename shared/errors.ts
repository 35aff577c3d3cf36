/**
 * The one error type that crosses every boundary (CLI, HTTP bridge, IPC).
 * `code` is stable and machine-readable; `message` is one line a researcher can act on,
 * naming the file or item and the problem. Never carries a stack trace to the UI.
 */
export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'duplicate'
  | 'conflict'
  | 'unsupported_format'
  | 'too_large'
  | 'empty_file'
  | 'binary_file'
  | 'corrupt_file'
  | 'encrypted_file'
  | 'not_a_project'
  | 'newer_schema'
  | 'csv_error'
  | 'internal';

export class MarginaliaError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'MarginaliaError';
    this.code = code;
  }
}

export function fail(code: ErrorCode, message: string): never {
  throw new MarginaliaError(code, message);
}

/** Shape every transport returns for a failed call. */
export interface ApiError {
  code: ErrorCode;
  message: string;
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof MarginaliaError) return { code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: message.split('\n')[0] ?? 'unknown error' };
}
