/**
 * The top self-time frames of a V8 `.cpuprofile` (what `node --cpu-prof` writes), optionally only
 * of the samples inside a window of the monotonic clock (`process.hrtime` in µs: the clock V8's
 * profiler stamps its samples with, so another process on this machine can say when to look).
 *
 *   npx ts-node --transpile-only bench/cpu-profile-top.ts <file.cpuprofile> [--top=25]
 */
import { readFileSync } from "fs"
import { runWhenMain } from "./lib"

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileTop {
  sampledMs: number
  frames: { frame: string; where: string; "self ms": number; "%": number }[]
  packages: { package: string; "self ms": number; "%": number }[]
}

export const readCpuProfile = (file: string): CpuProfile => JSON.parse(readFileSync(file, "utf8"))

/** `pdfkit`, `@mikro-orm/core`, `plugin` (this repository's src/), `node` (its internals), or V8's own `(program)` etc. */
export function packageOf(frame: CallFrame): string {
  if (!frame.url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)"
  if (frame.url.startsWith("node:")) return "node"
  const modules = frame.url.lastIndexOf("/node_modules/")
  if (modules >= 0) {
    const [scope, name] = frame.url.slice(modules + "/node_modules/".length).split("/")
    return scope.startsWith("@") ? `${scope}/${name}` : scope
  }
  return frame.url.includes("/src/") ? "plugin" : frame.url
}

function whereOf(frame: CallFrame): string {
  if (!frame.url) return ""
  const modules = frame.url.lastIndexOf("/node_modules/")
  const src = frame.url.lastIndexOf("/src/")
  const short = modules >= 0 ? frame.url.slice(modules + "/node_modules/".length) : src >= 0 ? frame.url.slice(src + 1) : frame.url
  return `${short}:${frame.lineNumber + 1}`
}

/** Self time per frame (a sample's time is the gap to the next one), largest first. */
export function profileTopFrames(profile: CpuProfile, { fromUs = -Infinity, toUs = Infinity, top = 20 } = {}): ProfileTop {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const frames = new Map<string, { frame: CallFrame; us: number }>()
  const packages = new Map<string, number>()
  let at = profile.startTime
  let total = 0
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i]
    const selfUs = profile.timeDeltas[i + 1] ?? 0
    const frame = byId.get(profile.samples[i])!
    if (at < fromUs || at > toUs || frame.functionName === "(idle)") continue
    const key = `${frame.functionName}|${frame.url}|${frame.lineNumber}`
    const entry = frames.get(key) ?? { frame, us: 0 }
    entry.us += selfUs
    frames.set(key, entry)
    packages.set(packageOf(frame), (packages.get(packageOf(frame)) ?? 0) + selfUs)
    total += selfUs
  }
  const share = (us: number) => +((us / total) * 100).toFixed(1)
  return {
    sampledMs: total / 1000,
    frames: [...frames.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map(({ frame, us }) => ({ frame: frame.functionName || "(anonymous)", where: whereOf(frame), "self ms": +(us / 1000).toFixed(1), "%": share(us) })),
    packages: [...packages.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ package: name, "self ms": +(us / 1000).toFixed(1), "%": share(us) })),
  }
}

async function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"))
  if (!file) throw new Error("usage: cpu-profile-top.ts <file.cpuprofile> [--top=25]")
  const top = Number(process.argv.find((a) => a.startsWith("--top="))?.split("=")[1] ?? 25)
  const result = profileTopFrames(readCpuProfile(file), { top })
  console.log(`${result.sampledMs.toFixed(0)} ms sampled (idle excluded)`)
  console.table(result.frames)
  console.table(result.packages)
}

runWhenMain(module, main)
