/**
 * File → Export REFI-QDA Project… with a fake `electron` module on a real project: the save
 * dialog's path (extension added), the .qdpx written through the window's door and valid
 * against Project.xsd, the summary dialog, and a cancelled dialog writing nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { createProjectDoor } from '../../electron/api/door.js';
import { createActions } from '../../electron/main/actions.js';
import type { ProjectWindows } from '../../electron/main/projects.js';
import { expectValid, PROJECT_XSD } from '../integration/refi-xmllint.js';
import { FakeBrowserWindow } from './electron-fake.js';

vi.mock('electron', async () => (await import('./electron-fake.js')).fakeElectron());

describe('File → Export REFI-QDA Project…', () => {
  it('writes the .qdpx the save dialog names through the project door, and says what it holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-shell-'));
    const door = createProjectDoor(join(dir, 'lead.marginalia'), { actor: 'tester' });
    try {
      await door.call('coders.add', { name: 'Alice' });
      const win = new FakeBrowserWindow();
      const windows = { forWindow: (w: unknown) => (w === win ? { win, path: door.path, door } : undefined) } as unknown as ProjectWindows;
      const actions = createActions(windows, 'tester');
      const save = vi.mocked(electron.dialog.showSaveDialog);
      const box = vi.mocked(electron.dialog.showMessageBox);

      save.mockResolvedValueOnce({ canceled: true } as never);
      await actions.exportRefiQda(win as never);
      expect(readdirSync(dir).filter((f) => f.endsWith('.qdpx'))).toEqual([]);

      save.mockClear();
      box.mockClear();
      save.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'for-nvivo') } as never);
      await actions.exportRefiQda(win as never);
      expect(JSON.stringify(save.mock.calls[0])).toContain(JSON.stringify(join(dir, 'lead.qdpx')));
      const out = join(dir, 'for-nvivo.qdpx');
      expect(existsSync(out)).toBe(true);
      expectValid(strFromU8(unzipSync(readFileSync(out))['project.qde']!), PROJECT_XSD);
      expect(JSON.stringify(box.mock.calls[0])).toMatch(/Exported for-nvivo\.qdpx\..*0 documents, 0 codings, \d+ codes, 1 coders/);
    } finally {
      door.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without an open project asks to open one first', async () => {
    const windows = { forWindow: () => undefined } as unknown as ProjectWindows;
    const box = vi.mocked(electron.dialog.showMessageBox);
    box.mockClear();
    await createActions(windows, 'tester').exportRefiQda(undefined);
    expect(JSON.stringify(box.mock.calls[0])).toMatch(/Open a project first, then export it/);
  });
});
