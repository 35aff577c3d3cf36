/**
 * File → Export Themed Excerpts… in the desktop menu, with a fake `electron` module on a real
 * project: the save dialog's default (next to the project), the format taken from the extension
 * chosen, the report written through the window's door and read back, a cancelled dialog writing
 * nothing, and the menu asking for a project when none is open.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { openProjectDoor } from '../../electron/api/door.js';
import { createActions } from '../../electron/main/actions.js';
import type { ProjectWindows } from '../../electron/main/projects.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession } from '../../electron/services/session.js';
import { mdUnescape } from '../../shared/excerpts/markdown.js';
import { buildExcerptFixture, QUOTES } from '../integration/excerpts-fixture.js';
import { FakeBrowserWindow } from './electron-fake.js';

vi.mock('electron', async () => (await import('./electron-fake.js')).fakeElectron());

describe('File → Export Themed Excerpts…', () => {
  it('writes the whole code book as themes to the path chosen, in the format of its extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-shell-'));
    const path = join(dir, 'study.marginalia');
    const session = initProject(path, { empty: true, actor: 'tester' });
    buildExcerptFixture(session);
    closeSession(session);
    const door = openProjectDoor(path, 'tester');
    try {
      const win = new FakeBrowserWindow();
      const windows = { forWindow: (w: unknown) => (w === win ? { win, path, door } : undefined) } as unknown as ProjectWindows;
      const actions = createActions(windows, 'tester');
      const save = vi.mocked(electron.dialog.showSaveDialog);
      const box = vi.mocked(electron.dialog.showMessageBox);

      save.mockResolvedValueOnce({ canceled: true } as never);
      await actions.exportExcerpts(win as never);
      expect(readdirSync(dir).filter((f) => !f.startsWith('study.marginalia'))).toEqual([]);
      expect(JSON.stringify(save.mock.calls[0])).toContain(JSON.stringify(join(dir, 'study excerpts.docx')));

      save.mockClear();
      box.mockClear();
      save.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'themes.md') } as never);
      await actions.exportExcerpts(win as never);
      const md = mdUnescape(readFileSync(join(dir, 'themes.md'), 'utf8'));
      // Every top-level code with its sub-codes, in code-book order; the attribution names role and institution.
      expect(md.split('\n').filter((l) => /^#{2,3} /.test(l))).toEqual(['## Contents', '## Dynamic security', '### Rapport', '### Boundaries', '## Other']);
      expect(md).toContain(`> ${QUOTES.co01Rapport}\n>\n> — CO-01, Correctional officer, Institution A — co-01.txt, line 2`);
      expect(JSON.stringify(box.mock.calls[0])).toMatch(/Exported themes\.md\..*4 themes, 7 quotes from 5 documents/);

      save.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'no-extension') } as never);
      await actions.exportExcerpts(win as never);
      expect(existsSync(join(dir, 'no-extension.docx'))).toBe(true);
    } finally {
      door.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without an open project asks to open one first', async () => {
    const windows = { forWindow: () => undefined } as unknown as ProjectWindows;
    const box = vi.mocked(electron.dialog.showMessageBox);
    box.mockClear();
    await createActions(windows, 'tester').exportExcerpts(undefined);
    expect(JSON.stringify(box.mock.calls[0])).toMatch(/Open a project first, then export its themed excerpts/);
  });
});
