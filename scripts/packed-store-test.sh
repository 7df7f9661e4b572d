#!/usr/bin/env bash
# Installs the plugin into a brand-new Medusa store the way a user would, from the npm tarball,
# and checks that an order placed over HTTP gets its invoice PDF, mail and signed ERP call.
#
#   1. npm run build, npm pack: the tarball holds package.json, README, LICENSE and .medusa/server only
#   2. a new store in a temp folder: its own package.json (@medusajs/* + the tarball by path),
#      medusa-config.ts registering the plugin as README shows, tsconfig; npm install
#   3. integration-tests/packaging/run-packed-store.ts: own database (pg), npx medusa db:migrate,
#      seed (medusa exec), medusa start with an SMTP sink and an ERP stub, an order through the
#      store API, the checks; SIGTERM
#   4. always: drop the database, delete the Redis keys, remove the temp folder
#
# Needs PostgreSQL (DB_HOST/DB_USERNAME/DB_PASSWORD, default localhost/postgres/postgres) and
# Redis (REDIS_URL, default redis://127.0.0.1:6379). KEEP_PACKED_STORE=1 keeps the temp folder.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
started=$(date +%s)

export DB_HOST="${DB_HOST:-localhost}"
export DB_USERNAME="${DB_USERNAME:-postgres}"
export DB_PASSWORD="${DB_PASSWORD:-postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

work="$(mktemp -d "${TMPDIR:-/tmp}/af-packed-store.XXXXXX")"
store="$work/store"
export PACKED_STORE_DIR="$store"
export PACKED_STORE_RUN="$(date +%s)$$"
driver=(node "$root/node_modules/ts-node/dist/bin.js" --transpile-only --project "$root/tsconfig.json"
  "$root/integration-tests/packaging/run-packed-store.ts")

finish() {
  local rc=$?
  trap - EXIT
  echo
  echo "== cleanup"
  "${driver[@]}" cleanup || rc=1
  if [[ "${KEEP_PACKED_STORE:-}" == "1" ]]; then
    echo "  kept $work"
  else
    rm -rf "$work"
    echo "  removed $work"
  fi
  echo
  echo "packed-store test $([[ $rc == 0 ]] && echo passed || echo FAILED) in $(( $(date +%s) - started )) s"
  exit $rc
}
trap finish EXIT

step() { echo; echo "== $*"; }
fail() { echo "  ✖ $*" >&2; exit 1; }

step "build (npm run build → .medusa/server)"
npm run build >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "npm run build failed"; }
echo "  ✓ built"

step "pack (npm pack)"
tarball="$work/$(npm pack --pack-destination "$work" --json 2>/dev/null | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s)[0].filename))')"
[[ -f "$tarball" ]] || fail "npm pack wrote no tarball"
tar -tzf "$tarball" | sed 's|^package/||' | sort >"$work/files.txt"
count=$(wc -l <"$work/files.txt")
size=$(stat -c %s "$tarball")
unpacked=$(tar -xzOf "$tarball" | wc -c)
echo "  $(basename "$tarball"): $count files, $((size / 1024)) KiB packed, $((unpacked / 1024)) KiB unpacked"

# only package.json, README, LICENSE and the build; nothing of src/, tests, demo or dev state
unexpected=$(grep -vE '^(package\.json|README(\.md)?|LICEN[CS]E(\.md|\.txt)?|\.medusa/server/.+)$' "$work/files.txt" || true)
[[ -z "$unexpected" ]] || fail "unexpected files in the tarball:"$'\n'"$unexpected"
leaked=$(grep -E '(^|/)(__tests__|__fixtures__|integration-tests|demo|scripts)/|\.spec\.|\.test\.|\.ts$|medusa-plugin-options\.json|\.env|\.log$' \
  "$work/files.txt" | grep -vE '\.d\.ts$' || true)
[[ -z "$leaked" ]] || fail "tests, sources or dev state in the tarball:"$'\n'"$leaked"
for required in package.json README.md \
  .medusa/server/src/modules/async-fulfilment/index.js \
  .medusa/server/src/workflows/index.js \
  .medusa/server/src/subscribers/order-placed.js; do
  grep -qxF "$required" "$work/files.txt" || fail "the tarball lacks $required"
done
grep -qE '^\.medusa/server/src/modules/async-fulfilment/migrations/Migration[0-9]+\.js$' "$work/files.txt" ||
  fail "the tarball holds no migration"
echo "  ✓ only package.json, README and .medusa/server/** ($(grep -c '^\.medusa/server/' "$work/files.txt") build files)"
echo "    $(grep -c '^\.medusa/server/src/modules/' "$work/files.txt") module files (with migrations), $(grep -c '^\.medusa/server/src/api/' "$work/files.txt") API, $(grep -c '^\.medusa/server/src/workflows/' "$work/files.txt") workflow, $(grep -c '^\.medusa/server/src/admin/' "$work/files.txt") admin files"

step "a new Medusa store in $store"
mkdir -p "$store"
cp -R "$root/integration-tests/packaging/store-template/." "$store/"
# the seed logic is copied in: the store imports nothing from this repository
cp "$root/dev-support/seed-store.ts" "$store/src/scripts/seed-store.ts"
TARBALL="$tarball" node -e '
  const fs = require("fs")
  const plugin = require("./package.json")
  const medusa = plugin.devDependencies["@medusajs/medusa"]
  const installed = (name) => require(`./node_modules/${name}/package.json`).version
  const pkg = {
    name: "af-packed-store",
    version: "0.0.0",
    private: true,
    scripts: { start: "medusa start", seed: "medusa exec ./src/scripts/seed.ts" },
    dependencies: {
      "@medusajs/admin-sdk": medusa,
      "@medusajs/cli": medusa,
      "@medusajs/framework": medusa,
      "@medusajs/medusa": medusa,
      [plugin.name]: `file:${process.env.TARBALL}`,
    },
    devDependencies: {
      "@swc/core": installed("@swc/core"),
      "@types/node": installed("@types/node"),
      "ts-node": installed("ts-node"),
      typescript: installed("typescript"),
    },
    engines: { node: plugin.engines.node },
  }
  fs.writeFileSync(`${process.env.PACKED_STORE_DIR}/package.json`, JSON.stringify(pkg, null, 2) + "\n")
  console.log(Object.entries(pkg.dependencies).map(([k, v]) => `  ${k}@${v}`).join("\n"))
'
install_started=$(date +%s)
(cd "$store" && npm install --no-audit --no-fund --prefer-offline --loglevel=error >"$work/install.log" 2>&1) ||
  { tail -40 "$work/install.log"; fail "npm install failed in the store"; }
installed="$store/node_modules/medusa-plugin-async-fulfilment"
echo "  ✓ npm install in $(( $(date +%s) - install_started )) s ($(ls "$store/node_modules" | wc -l) top-level packages)"
[[ ! -e "$installed/src" && ! -e "$installed/integration-tests" ]] || fail "the installed plugin holds sources or tests"
# the plugin's runtime dependencies resolve from where the plugin is installed
(cd "$installed" && node -e '
  const fs = require("fs"), path = require("path")
  const deps = Object.keys(require("./package.json").dependencies)
  for (const dep of deps) {
    // where Node looks for it from the plugin, as its own code does (not every package exports package.json)
    const dirs = require.resolve.paths(dep).map((dir) => path.join(dir, dep))
    if (!dirs.some((dir) => fs.existsSync(path.join(dir, "package.json")))) throw new Error(`cannot find ${dep}`)
  }
  console.log(`  ✓ the plugin resolves its dependencies from the store: ${deps.join(", ")}`)
') || fail "the installed plugin cannot resolve its dependencies"
# one copy of Medusa: nothing @medusajs/* nested under the plugin (it must share the store's) nor
# under @medusajs/medusa (Medusa resolves its own plugins, e.g. @medusajs/draft-order, from the store root;
# a peer range that pulls a newer @medusajs/icons or @medusajs/ui pushes them down there)
for dir in "$installed" "$store/node_modules/@medusajs/medusa"; do
  if [[ -d "$dir/node_modules/@medusajs" ]]; then
    nested=$(cd "$dir/node_modules/@medusajs" && for p in *; do echo "@medusajs/$p@$(node -p "require('./$p/package.json').version")"; done)
    fail "npm nested @medusajs packages under ${dir#$store/}: $(echo $nested)"
  fi
done
echo "  ✓ one copy of Medusa: nothing @medusajs/* nested under the plugin or @medusajs/medusa"
(cd "$store" && npm ls --depth=0 --loglevel=error >"$work/npm-ls.log" 2>&1) ||
  { cat "$work/npm-ls.log"; fail "npm ls reports problems in the store"; }
echo "  ✓ npm ls: no missing or invalid packages"

"${driver[@]}" run
