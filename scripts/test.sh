#!/usr/bin/env bash
# The whole test suite: unit tests, module tests, then the HTTP tests that boot the store.
# Needs PostgreSQL (DB_HOST/DB_USERNAME/DB_PASSWORD, default localhost/postgres) and Redis (REDIS_URL).
set -euo pipefail
cd "$(dirname "$0")/.."

export DB_HOST="${DB_HOST:-localhost}"
export DB_USERNAME="${DB_USERNAME:-postgres}"
export DB_PASSWORD="${DB_PASSWORD:-postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}"

jest() { node node_modules/.bin/jest --runInBand --forceExit "$@"; }

echo "== type check"
node node_modules/.bin/tsc --noEmit -p tsconfig.json
echo "== unit"
TEST_TYPE=unit jest --silent
echo "== module"
TEST_TYPE=integration:modules jest --silent
echo "== http"
TEST_TYPE=integration:http jest
