import { execFile } from "child_process"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs"
import os from "os"
import path from "path"

/**
 * Runs the official CEN/TC 434 EN 16931 validation artefacts (../shared/einvoice, see its README)
 * on an e-invoice, for the tests and the demo: a CII or UBL XML, or a Factur-X PDF (its embedded XML
 * is checked). Tests wrap their use in describeWithEInvoiceValidator
 * (integration-tests/helpers/describe-with-einvoice-validator.ts). "Could not validate" (exit code
 * 2: saxon-js or pdfdetach missing, an unreadable file) always fails: it is never a pass.
 */

export interface EInvoiceRuleFailure {
  id: string
  flag: string
  location: string
  text: string
}

export interface EInvoiceVerdict {
  syntax: "cii" | "ubl"
  /** "valid", "invalid: …" or "skipped (…)"; the validator checks the XSD of CII only */
  xsd: string
  fatal: EInvoiceRuleFailure[]
  warnings: EInvoiceRuleFailure[]
}

const REPO_ROOT = path.resolve(__dirname, "..")
const onCi = () => process.env.CI === "true"

/** The EN 16931 artefacts: `<repo root>/../shared/einvoice`, or EINVOICE_DIR when set. */
export function einvoiceDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.EINVOICE_DIR ?? path.resolve(REPO_ROOT, "../shared/einvoice")
}

/** Its runner, validate-einvoice.mjs. */
export function einvoiceValidatorPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(einvoiceDir(env), "validate-einvoice.mjs")
}

export type EInvoiceValidationPlan = { mode: "run" } | { mode: "fail" | "skip"; reason: string }

/** Run when the validator is there; without it fail under CI=true, else skip. */
export function planEInvoiceValidation(env: NodeJS.ProcessEnv = process.env): EInvoiceValidationPlan {
  const validator = einvoiceValidatorPath(env)
  if (existsSync(validator)) {
    return { mode: "run" }
  }
  const reason = `the EN 16931 validator is not at ${validator} (see ../shared/einvoice/README.md, or set EINVOICE_DIR)`
  return { mode: env.CI === "true" ? "fail" : "skip", reason }
}

let xsdSkipNoticeShown = false

function checkXsdRan(verdict: EInvoiceVerdict): void {
  if (verdict.syntax !== "cii" || !verdict.xsd.startsWith("skipped")) {
    return
  }
  if (onCi()) {
    throw new Error(`the CII XSD check did not run under CI=true: ${verdict.xsd}`)
  }
  if (!xsdSkipNoticeShown) {
    xsdSkipNoticeShown = true
    // eslint-disable-next-line no-console
    console.log(`SKIPPED: CII XSD check: ${verdict.xsd}`)
  }
}

function runValidator(file: string): Promise<EInvoiceVerdict> {
  return new Promise((resolve, reject) => {
    // cwd: the validator resolves saxon-js from the folder it runs in
    execFile(
      process.execPath,
      [einvoiceValidatorPath(), file, "--json"],
      { cwd: REPO_ROOT, maxBuffer: 32 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const exitCode: unknown = error ? (error as { code?: unknown }).code : 0
        let json: any
        try {
          json = JSON.parse(stdout)
        } catch {
          json = null
        }
        if ((exitCode === 0 || exitCode === 1) && json && !json.error) {
          resolve(json as EInvoiceVerdict)
          return
        }
        const reason = json?.error ?? (String(stderr).trim() || (error as Error | null)?.message || "no output")
        reject(new Error(`the EN 16931 validator could not validate ${path.basename(file)} (exit ${String(exitCode)}): ${reason}`))
      }
    )
  })
}

/** Validates an XML document (string) or a file's bytes (XML or Factur-X PDF). */
export async function validateEInvoice(content: string | Buffer, name = "invoice"): Promise<EInvoiceVerdict> {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content
  const extension = bytes.subarray(0, 5).toString("latin1") === "%PDF-" ? "pdf" : "xml"
  const dir = mkdtempSync(path.join(os.tmpdir(), "einvoice-test-"))
  const file = path.join(dir, `${name.replace(/\.(pdf|xml)$/i, "").replace(/[^\w.-]+/g, "_")}.${extension}`)
  try {
    writeFileSync(file, bytes)
    const verdict = await runValidator(file)
    checkXsdRan(verdict)
    return verdict
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Validates many documents, a few at a time (one validator process each, ~0.7 s of CPU apiece). */
export async function validateEInvoices(
  documents: { name: string; content: string | Buffer }[],
  concurrency = 2
): Promise<Map<string, EInvoiceVerdict>> {
  const verdicts = new Map<string, EInvoiceVerdict>()
  const queue = [...documents]
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      verdicts.set(next.name, await validateEInvoice(next.content, next.name))
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
  return verdicts
}

/** What makes the document invalid, one line per failed fatal rule (id, text, where) or XSD error: [] when valid. */
export function einvoiceProblems(verdict: EInvoiceVerdict): string[] {
  const problems = verdict.fatal.map((rule) => `${rule.id}: ${rule.text} (at ${rule.location})`)
  if (verdict.xsd.startsWith("invalid")) {
    problems.unshift(`XSD ${verdict.xsd}`)
  }
  return problems
}
