/**
 * On Windows the CLI's output goes through process.stdout/stderr (a console there needs the
 * stream's UTF-16 conversion); elsewhere it is written to the descriptors directly.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeStderr, writeStdout } from '../../electron/cli/stdio.js';

const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
afterEach(() => {
  Object.defineProperty(process, 'platform', platform);
  vi.restoreAllMocks();
});

describe('CLI output by platform', () => {
  it('on Windows, text goes through the streams, unchanged', () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    writeStdout('κ = 0.74 — “Rapport”\n');
    writeStderr('marginalia: done\n');
    expect(out.mock.calls.map((c) => c[0])).toEqual(['κ = 0.74 — “Rapport”\n']);
    expect(err.mock.calls.map((c) => c[0])).toEqual(['marginalia: done\n']);
  });

  it('elsewhere, the streams are not used', () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    writeStdout('');
    expect(out).not.toHaveBeenCalled();
  });
});
