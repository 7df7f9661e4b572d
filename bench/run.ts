/**
 * Runs every benchmark in turn, each in its own child process (so one's memory and open
 * handles never colour the next), and prints the load average around them.
 *
 *   npm run bench                 # all
 *   npm run bench -- pdf-render enqueue-cost   # some; extra --flags are passed through
 */
import { spawnSync } from "child_process"
import path from "path"
import { loadavgText } from "./lib"

const ALL = ["pdf-render", "enqueue-cost", "burst-drain", "burst-drain-real", "schedule-cost", "checkout-latency"]
const args = process.argv.slice(2)
const names = args.filter((a) => !a.startsWith("--"))
const flags = args.filter((a) => a.startsWith("--"))
const chosen = names.length ? names : ALL
const unknown = chosen.filter((n) => !ALL.includes(n))
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${ALL.join(", ")}`)
  process.exit(2)
}

let failed = 0
for (const name of chosen) {
  console.log(`\n=== ${name} (load average ${loadavgText()}) ===`)
  const result = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, `${name}.ts`), ...flags], {
    stdio: "inherit",
    cwd: path.join(__dirname, ".."),
  })
  if (result.status !== 0) {
    failed++
    console.error(`${name} exited with ${result.status ?? result.signal}`)
  }
}
console.log(`\nload average at the end: ${loadavgText()}`)
process.exit(failed ? 1 : 0)
