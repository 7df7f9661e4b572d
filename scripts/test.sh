#!/usr/bin/env bash
# The whole test suite: import-circle check, type check, plugin build, unit tests, module tests, then the HTTP tests
# that boot the store. Needs PostgreSQL (DB_HOST/DB_USERNAME/DB_PASSWORD, default
# localhost/postgres) and Redis (REDIS_URL, default redis://127.0.0.1:6379).
set -euo pipefail
cd "$(dirname "$0")/.."

export DB_HOST="${DB_HOST:-localhost}"
export DB_USERNAME="${DB_USERNAME:-postgres}"
export DB_PASSWORD="${DB_PASSWORD:-postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}"

# One id per run: module-test database names and Redis prefixes derive from it.
export AF_TEST_RUN_ID="${AF_TEST_RUN_ID:-$(date +%s)-$$}"
results="$(mktemp -d)"
trap 'rm -rf "$results"; node scripts/drop-test-databases.js "af-module-$AF_TEST_RUN_ID" || true' EXIT

# $2: how many spec files run at once (each HTTP spec boots its own store on its own database and Redis prefixes)
run_jest() {
  local type="$1" workers="$2"; shift 2
  TEST_TYPE="$type" node node_modules/.bin/jest --maxWorkers="$workers" --forceExit \
    --json --outputFile="$results/${type//:/-}.json" "$@"
}

echo "== import circles in src/ (madge, type-only imports included: .madgerc)"
node node_modules/.bin/madge --circular --extensions ts,tsx src
echo "== type check (plugin, Admin UI, browser test)"
node node_modules/.bin/tsc --noEmit -p tsconfig.json
node node_modules/.bin/tsc --noEmit -p src/admin/tsconfig.json
node node_modules/.bin/tsc --noEmit -p integration-tests/browser/tsconfig.json
echo "== plugin build (medusa plugin:build)"
node node_modules/@medusajs/cli/cli.js plugin:build >"$results/build.log" 2>&1 || { cat "$results/build.log"; exit 1; }
echo "== unit tests"
run_jest unit 1 --silent
echo "== module tests (moduleIntegrationTestRunner, real Postgres and Redis)"
run_jest integration:modules 1 --silent
echo "== http tests (medusaIntegrationTestRunner, real store, SMTP server and ERP endpoint; two spec files at a time)"
run_jest integration:http 2 --silent

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  echo "== browser test (the Admin UI in headless Chromium, playwright-core)"
  node node_modules/.bin/jest -c integration-tests/browser/jest.config.js --runInBand --forceExit \
    --json --outputFile="$results/browser.json"
elif [ "${CI:-}" = "true" ]; then
  echo "Chromium is missing at $chromium: CI must run the browser test (apt-get install -y chromium)" >&2
  exit 1
else
  echo "== browser test SKIPPED: no Chromium at $chromium (apt-get install -y chromium, or set CHROMIUM_PATH)"
fi

echo "== process tests (server + worker processes; SIGKILL and SIGTERM mid-burst)"
node node_modules/.bin/jest -c integration-tests/processes/jest.config.js --runInBand --forceExit \
  --json --outputFile="$results/processes.json"

echo "== package test (npm pack, a new store installs the tarball, an order over HTTP)"
if bash scripts/packed-store-test.sh; then
  echo '{"numPassedTests":1,"numFailedTests":0}' >"$results/package.json"
else
  echo '{"numPassedTests":0,"numFailedTests":1}' >"$results/package.json"
  failed_package=1
fi

node -e '
  const fs = require("fs"), dir = process.argv[1]
  let passed = 0, failed = 0
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const r = JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8"))
    passed += r.numPassedTests; failed += r.numFailedTests
  }
  console.log(`\n${passed} passed, ${failed} failed`)
' "$results"
[ -z "${failed_package:-}" ]
