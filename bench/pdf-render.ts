/**
 * 1. Invoices per CPU-second on one core, in one run, side by side, for the 5-line fixture:
 *    - plain PDF: the invoice model rendered as a PDF without XML (profile "none");
 *    - Factur-X: what the invoice job does, the model built from the order document, its CII XML
 *      and the PDF/A-3b that embeds it (buildOrderInvoiceModel + renderIssuedInvoicePdf).
 *    Measured in interleaved blocks, so the machine's drift falls on both alike.
 * 2. The raw BullMQ no-op ceiling on the local Redis at worker concurrency 1, 4 and 16.
 *
 *   npm run bench:pdf-render -- [--seconds=5] [--jobs=10000] [--skip-bullmq]
 */
import { buildOrderInvoiceModel, renderIssuedInvoicePdf } from "../src/modules/async-fulfilment/invoice"
import type { InvoiceModel } from "../src/modules/async-fulfilment/invoice"
import { invoiceOptionsSchema } from "../src/modules/async-fulfilment/options/invoice-options"
import { invoiceIdentity, orderDocument } from "../src/modules/async-fulfilment/invoice/__tests__/__fixtures__/invoice-input"
import { POLISH_SELLER_INPUT } from "../src/modules/async-fulfilment/invoice/__tests__/__fixtures__/seller-options"
import { rawNoopDrain, NoopRun } from "./raw-bullmq"
import { flag, hasFlag, loadavgText, mib, printTable, runWhenMain, summarize, writeResult } from "./lib"

const TARGET_PER_CPU_S = 100
const BLOCK_MS = 250

/** The invoice option as the plugin parses it: a Polish seller with bank account, Polish invoices for PL. */
const invoiceOptions = invoiceOptionsSchema.parse({ seller: POLISH_SELLER_INPUT, languages: { byCountry: { PL: "pl" } } })

/** A new invoice number for every render, as the worker issues them. */
const identity = (n: number) => ({ ...invoiceIdentity, number: `INV-2024-${String(n).padStart(6, "0")}` })

interface Variant {
  name: string
  /** one invoice; returns the PDF and the ms spent building the model (0 when not built) */
  render(n: number): Promise<{ pdf: Buffer; modelMs: number }>
}

function variants(lines: number): Variant[] {
  const order = orderDocument(lines)
  const plainModel: InvoiceModel = { ...buildOrderInvoiceModel(order, identity(0), invoiceOptions), profile: "none" }
  return [
    {
      name: "plain PDF (model → PDF, no XML)",
      render: async (n) => ({ pdf: await renderIssuedInvoicePdf({ ...plainModel, number: identity(n).number }, invoiceOptions), modelMs: 0 }),
    },
    {
      name: "Factur-X (model + CII + PDF/A-3b)",
      render: async (n) => {
        const t0 = performance.now()
        const model = buildOrderInvoiceModel(order, identity(n), invoiceOptions)
        const modelMs = performance.now() - t0
        return { pdf: await renderIssuedInvoicePdf(model, invoiceOptions), modelMs }
      },
    },
  ]
}

interface Tally {
  samples: number[]
  modelSamples: number[]
  cpuMs: number
  wallMs: number
  bytes: number
}

/** Both variants for `seconds` each, in alternating blocks of BLOCK_MS, after `warmup` renders each. */
export async function measureInvoiceRenders(seconds: number, lines = 5, warmup = 100) {
  const all = variants(lines)
  const tallies: Tally[] = all.map(() => ({ samples: [], modelSamples: [], cpuMs: 0, wallMs: 0, bytes: 0 }))
  let n = 1
  for (const [i, variant] of all.entries()) {
    for (let w = 0; w < warmup; w++) tallies[i].bytes = (await variant.render(n++)).pdf.length
  }
  const blocks = Math.max(1, Math.round((seconds * 1000) / BLOCK_MS))
  for (let block = 0; block < blocks; block++) {
    for (const [i, variant] of all.entries()) {
      const tally = tallies[i]
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      while (performance.now() - t0 < BLOCK_MS) {
        const a = performance.now()
        const { modelMs } = await variant.render(n++)
        tally.samples.push(performance.now() - a)
        tally.modelSamples.push(modelMs)
      }
      tally.wallMs += performance.now() - t0
      const cpu = process.cpuUsage(cpu0)
      tally.cpuMs += (cpu.user + cpu.system) / 1000
    }
  }
  const results = all.map((variant, i) => {
    const { samples, modelSamples, cpuMs, wallMs, bytes } = tallies[i]
    const s = summarize(samples)
    return {
      variant: variant.name,
      invoices: samples.length,
      per_s: (samples.length / wallMs) * 1000,
      // per CPU-second of this process: what one fully used core yields
      per_cpu_s: (samples.length / cpuMs) * 1000,
      cpu_utilisation: cpuMs / wallMs,
      ms_p50: s.p50,
      ms_p99: s.p99,
      model_ms_p50: modelSamples.some((ms) => ms > 0) ? summarize(modelSamples).p50 : null,
      pdf_bytes: bytes,
    }
  })
  const [plain, facturx] = results
  return { lines, warmup, block_ms: BLOCK_MS, plain, facturx, facturx_over_plain_per_cpu_s: facturx.per_cpu_s / plain.per_cpu_s }
}

export async function main() {
  const seconds = flag("seconds", 5)
  const jobs = flag("jobs", 10_000)
  console.log(`pdf-render: load average ${loadavgText()}`)

  const render = await measureInvoiceRenders(seconds)
  printTable(
    `Invoice, ${render.lines}-line fixture, one thread, ${render.warmup} warm-up renders each, ${seconds} s each in interleaved ${BLOCK_MS} ms blocks (target ≥ ${TARGET_PER_CPU_S} Factur-X per CPU-s)`,
    [render.plain, render.facturx].map((r) => ({
      variant: r.variant,
      invoices: r.invoices,
      "per s (wall)": r.per_s,
      "per CPU-s": r.per_cpu_s,
      "cpu util": r.cpu_utilisation,
      "ms p50": r.ms_p50,
      "ms p99": r.ms_p99,
      "model ms p50": r.model_ms_p50,
      "PDF bytes": r.pdf_bytes,
    }))
  )
  const target = render.facturx.per_cpu_s >= TARGET_PER_CPU_S ? "met" : "missed"
  console.log(
    `  Factur-X ÷ plain: ${render.facturx_over_plain_per_cpu_s.toFixed(2)} per CPU-s, ` +
      `${(render.facturx.ms_p50 / render.plain.ms_p50).toFixed(2)}× the p50 ms; target ${target}`
  )

  const noop: NoopRun[] = []
  if (!hasFlag("skip-bullmq")) {
    for (const concurrency of [1, 4, 16]) {
      noop.push(await rawNoopDrain(jobs, concurrency))
    }
    printTable(`Raw BullMQ no-op ceiling, ${jobs} jobs pre-enqueued, one Worker`, noop.map(rawRow))
  }
  console.log(`\nload average after: ${loadavgText()}`)
  writeResult("pdf-render", { invoice_render: render, raw_noop: noop })
}

export function rawRow(r: NoopRun) {
  return {
    concurrency: r.concurrency,
    jobs: r.jobs,
    "enqueue ms": r.enqueue_ms,
    "drain ms": r.drain_ms,
    "jobs/s": r.jobs_per_s,
    lost: r.lost,
    dup: r.duplicates,
    "redis MiB before": mib(r.redis_used_before),
    "loaded": mib(r.redis_used_loaded),
    "after": mib(r.redis_used_after),
    "rss peak MiB": mib(r.rss_peak),
  }
}

runWhenMain(module, main)
