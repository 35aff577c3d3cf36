#!/usr/bin/env bash
# npm test: type-check each layer, lint, check the formatting, then every vitest suite, then (when present) the Playwright suite.
# Ends with one line "N passed, N failed, N skipped" summing all runners; a failed step (type-check,
# lint, format, renderer build) counts there as a failure too. Non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
mkdir -p .tmp
status=0
failed_steps=()

echo "== type-check (tsc -b: each layer with its own types)"
if ! npx --no-install tsc -b; then
  echo "type-check failed"
  failed_steps+=("--failed-step=type-check (tsc -b)")
  status=1
fi

echo "== lint (eslint: rules and folder boundaries)"
if ! npx --no-install eslint .; then
  echo "lint failed"
  failed_steps+=("--failed-step=lint (eslint .)")
  status=1
fi

echo "== format (prettier --check: line width 160)"
if ! npx --no-install prettier --check . >.tmp/prettier.log 2>&1; then
  grep -v '^Checking' .tmp/prettier.log
  echo "format check failed (npm run format rewrites the files)"
  failed_steps+=("--failed-step=format (prettier --check .)")
  status=1
fi

echo "== vitest"
rm -f .tmp/vitest.json
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=1

if [ -d tests/e2e ] && ls tests/e2e/*.spec.ts >/dev/null 2>&1; then
  echo "== build the renderer, then playwright (Debian's Chromium)"
  rm -f .tmp/playwright.json
  # Absolute: Playwright resolves a relative report path against its config's folder.
  if ! npm run --silent build:renderer; then
    echo "renderer build failed"
    failed_steps+=("--failed-step=renderer build")
    status=1
  fi
  PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/.tmp/playwright.json" npx --no-install playwright test --config tests/e2e/playwright.config.ts --reporter=list,json || status=1
fi

if [ -d tests/e2e ] && ls tests/e2e/*.spec.ts >/dev/null 2>&1; then
  node tests/summary.mjs ${failed_steps[@]+"${failed_steps[@]}"} .tmp/vitest.json .tmp/playwright.json || status=1
else
  node tests/summary.mjs ${failed_steps[@]+"${failed_steps[@]}"} .tmp/vitest.json || status=1
fi
exit $status
