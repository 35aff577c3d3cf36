import { defineConfig } from 'vitest/config';

// Playwright specs live in tests/e2e and end in .spec.ts; vitest only picks up *.test.ts(x).
export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/unit/**/*.test.tsx',
      'tests/integration/**/*.test.ts',
      'tests/component/**/*.test.tsx',
      'tests/bad-input/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
      'tests/crash/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
