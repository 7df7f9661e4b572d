import { spawn, ChildProcess } from "child_process"
import { createWriteStream } from "fs"

const medusaBin = require.resolve("@medusajs/cli/cli.js")

/** Runs a `medusa` command to completion, its output going to `logFile`. */
export function runMedusa(args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startMedusa(args, env, logFile)
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited with ${code}; see ${logFile}`))
    )
  })
}

/** `nodeArgs` go to node itself, for flags NODE_OPTIONS refuses (e.g. `--cpu-prof`). */
export function startMedusa(args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd = process.cwd(), nodeArgs: string[] = []): ChildProcess {
  const log = createWriteStream(logFile, { flags: "a" })
  const child = spawn(process.execPath, [...nodeArgs, medusaBin, ...args], { env, cwd, stdio: ["ignore", "pipe", "pipe"] })
  child.stdout!.pipe(log)
  child.stderr!.pipe(log)
  return child
}

export function stopProcess(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null) {
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), timeoutMs)
    child.once("exit", () => {
      clearTimeout(killer)
      resolve()
    })
    child.kill("SIGTERM")
  })
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the store exited with ${child.exitCode} while starting`)
    }
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) {
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`the store did not answer ${baseUrl}/health within ${timeoutMs} ms`)
}
