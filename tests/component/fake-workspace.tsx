/** A fake workspace for component tests: the API methods a panel calls, recorded by vitest. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi, type Mock } from 'vitest';
import type { ApiClient } from '../../renderer/api/client.js';
import { WorkspaceContext, type Workspace } from '../../renderer/workspace/context.js';
import { fakeApi } from './fake-api.js';

export interface FakeWorkspace extends Workspace {
  openDocument: Mock<Workspace['openDocument']>;
  notify: Mock<Workspace['notify']>;
  /** Messages run() showed for failed calls, as the workspace's error banner would. */
  errors: string[];
}

/** `api` holds only the methods the panel under test calls, typed by the contract; any other call rejects. */
export function fakeWorkspace(api: Partial<ApiClient>, extra: Partial<Workspace> = {}): FakeWorkspace {
  const errors: string[] = [];
  return {
    api: fakeApi(api),
    coder: 'u-alice',
    coderName: 'Alice',
    viewer: undefined,
    run: async <T,>(call: Promise<T>) => {
      try {
        return await call;
      } catch (e) {
        errors.push(e instanceof Error ? e.message : String(e));
        return undefined;
      }
    },
    notify: vi.fn(),
    report: (message: string) => errors.push(message),
    changed: vi.fn(),
    version: 0,
    openDocument: vi.fn(),
    errors,
    ...extra,
  } as FakeWorkspace;
}

export function renderIn(ws: Workspace, ui: ReactElement): RenderResult & { rerenderIn(next: Workspace, ui: ReactElement): void } {
  const r = render(<WorkspaceContext.Provider value={ws}>{ui}</WorkspaceContext.Provider>);
  return { ...r, rerenderIn: (next, el) => r.rerender(<WorkspaceContext.Provider value={next}>{el}</WorkspaceContext.Provider>) };
}
