/**
 * electron-builder.yml checked by electron-builder's own configuration validation (the schema
 * check `electron-builder` runs before it builds), plus the points the issue requires of it.
 * `npm run dist` itself cannot run here (it downloads Electron), so this is what is checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(join(ROOT, 'package.json'));
/** The fields of electron-builder's resolved configuration that these tests read. */
interface BuilderConfig {
  appId: string;
  productName: string;
  linux: { target: unknown };
  win: { target: unknown };
  mac: { target: unknown };
  directories: { buildResources: string };
  asarUnpack: string[];
  extraResources: unknown;
  fileAssociations: unknown;
  files: unknown;
}
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const load = () => getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the same validation rejects a wrong option (so the check above can fail)', async () => {
    const config = { ...(await load()), linux: { target: ['AppImage'], categry: 'Office' } };
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/configuration\.linux/);
  });

  it('targets AppImage and deb, nsis, and dmg, with our id, name and icon', async () => {
    const c = await load();
    expect(c.appId).toBe('org.marginalia.desktop');
    expect(c.productName).toBe('Marginalia');
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.win.target).toEqual(['nsis']);
    expect(c.mac.target).toEqual(['dmg']);
    const icon = readFileSync(join(ROOT, c.directories.buildResources, 'icon.png'));
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('unpacks better-sqlite3 from the asar, ships the migrations and the demo fixtures, and opens .marginalia files', async () => {
    const c = await load();
    expect(c.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    const resources = c.extraResources as { from: string; to: string }[];
    expect(resources).toContainEqual({ from: 'db/migrations', to: 'migrations' });
    for (const r of resources) expect(existsSync(join(ROOT, r.from)), r.from).toBe(true);
    expect(existsSync(join(ROOT, 'db/migrations/meta/_journal.json'))).toBe(true);
    expect(c.fileAssociations).toEqual([expect.objectContaining({ ext: 'marginalia' })]);
  });

  it("packages the entry that package.json's main names, and the preload beside it", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    const c = await load();
    expect(pkg.main).toBe('dist/electron/main.mjs');
    // getConfig normalises the list into one file set.
    const files = (c.files as { filter: string[] }[]).flatMap((f) => f.filter);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/electron/**', 'dist/renderer/**']));
  });
});
