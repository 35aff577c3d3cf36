/**
 * Save-as-you-type: the latest body is written `delay` ms after the last change, at once on
 * flush (blur) and on unmount, one write at a time and in order. Unchanged text is not written.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** Writes the body; resolves null when stored, or the reason it was not. */
export type MemoWriter = (body: string) => Promise<string | null>;

export interface MemoSave {
  status: SaveStatus;
  /** The body as loaded (or last stored): typing back to it writes nothing. */
  setBaseline(body: string): void;
  schedule(body: string): void;
  /** Writes what is pending now; resolves true if anything was written. */
  flush(): Promise<boolean>;
}

export function useMemoSave(write: MemoWriter, delay = 400): MemoSave {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const baseline = useRef<string | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const live = useRef(true);
  const writer = useRef(write);
  writer.current = write;

  const flush = useCallback((): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const body = pending.current;
    if (body === null) return queue.current.then(() => false);
    pending.current = null;
    const run = queue.current.then(async () => {
      const error = await writer.current(body);
      if (error === null) baseline.current = body;
      else if (pending.current === null) pending.current = body; // kept, so the next flush tries again
      if (!live.current) return error === null;
      if (error !== null) setStatus({ kind: 'error', message: error });
      else setStatus(pending.current === null ? { kind: 'saved' } : { kind: 'saving' });
      return error === null;
    });
    queue.current = run.catch(() => false);
    return run;
  }, []);

  const schedule = useCallback(
    (body: string) => {
      if (body === (pending.current ?? baseline.current)) return;
      pending.current = body;
      setStatus({ kind: 'saving' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [flush, delay],
  );

  const setBaseline = useCallback((body: string) => {
    baseline.current = body;
  }, []);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      void flush();
    };
  }, [flush]);

  return { status, setBaseline, schedule, flush };
}

export function statusText(s: SaveStatus): string {
  switch (s.kind) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'error':
      return `Not saved: ${s.message}`;
  }
}
