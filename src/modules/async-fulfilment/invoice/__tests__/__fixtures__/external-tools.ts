import { einvoiceDir } from "../../../../../../dev-support/einvoice-validator"
import { execFileSync } from "child_process"
import { existsSync } from "fs"
import { join } from "path"

/** The EN 16931 validator and CEN's examples: ../shared/einvoice beside the checkout, or $EINVOICE_DIR. */
export const EINVOICE_DIR = einvoiceDir()
export const CEN_CII_EXAMPLE = join(EINVOICE_DIR, "en16931/examples/CII_example1.xml")
export const VALIDATOR = join(EINVOICE_DIR, "validate-einvoice.mjs")

function hasCommand(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "pipe" })
    return true
  } catch {
    return false
  }
}

/**
 * Whether a test may run: true when everything it needs is here. Otherwise it prints
 * "SKIPPED: <reason>" and returns false, except under CI=true, where a missing tool is a failure.
 */
export function canRun(needs: { commands?: string[]; files?: string[] }, test: string): boolean {
  const missing = [
    ...(needs.commands ?? []).filter((command) => !hasCommand(command)).map((command) => `command ${command}`),
    ...(needs.files ?? []).filter((file) => !existsSync(file)),
  ]
  if (missing.length === 0) return true
  const reason = `${test} needs ${missing.join(", ")}`
  if (process.env.CI === "true") throw new Error(`${reason} (CI=true: nothing may be skipped)`)
  // not console.log: the unit tests run with --silent, and a skip must be seen
  process.stdout.write(`SKIPPED: ${reason}\n`)
  return false
}
