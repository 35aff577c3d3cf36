// Lint: typescript-eslint's recommended rules, React hooks rules, and the folder walls of
// design.md ("The house"). The walls are data in lint/boundaries.json; this file turns each zone
// into one block, so no two blocks set the same rule for one file (flat config replaces, not merges,
// a rule's options when two blocks match).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const boundaries = JSON.parse(readFileSync(new URL('./lint/boundaries.json', import.meta.url), 'utf8'));

// Everywhere: a Node built-in is imported as 'node:x', never 'x'.
const bare = builtinModules.filter((m) => !m.startsWith('node:') && !m.startsWith('_'));
const bareBuiltins = { regex: `^(${bare.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`, message: "import Node built-ins with the 'node:' prefix" };

const importPattern = (f) => ({ regex: f.regex, message: f.message, ...(f.allowTypeImports ? { allowTypeImports: true } : {}) });
// esquery regex literals cannot hold '/', so it is written as \x2F.
const dynamicImport = (f) => ({ selector: `ImportExpression[source.value=/${f.regex.replace(/\//g, '\\x2F')}/]`, message: f.message });

function zoneRules(forbidIds, noNodeGlobals) {
  const forbids = [bareBuiltins, ...forbidIds.map((id) => boundaries.forbid[id])];
  return {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: forbids.map(importPattern) }],
    'no-restricted-syntax': ['error', ...forbids.map(dynamicImport)],
    'no-restricted-globals': noNodeGlobals
      ? ['error', ...boundaries.nodeGlobals.map((name) => ({ name, message: 'Node globals do not exist in this layer' }))]
      : 'off',
  };
}

const zoneBlocks = boundaries.zones.map((z) => ({
  name: `boundaries/${z.name}`,
  files: z.files,
  ...(z.ignores ? { ignores: z.ignores } : {}),
  rules: zoneRules(z.forbid, z.noNodeGlobals === true),
}));

export default defineConfig(
  {
    name: 'ignores',
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.tmp/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'fixtures/*',
      '!fixtures/build/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'languages',
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The CLI's entry and what it needs before the bundle runs are CommonJS (no ES-module loader at start-up).
    name: 'commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { name: 'renderer-globals', files: ['renderer/**'], ignores: ['renderer/vite.config.ts'], languageOptions: { globals: { ...globals.browser } } },
  { name: 'tests-globals', files: ['tests/**'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    name: 'react-hooks',
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts', 'tests/component/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...zoneBlocks,
);
