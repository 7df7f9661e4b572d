/**
 * 1. Invoice PDFs per second on one core: buildInvoiceContent + renderInvoiceContentPdf for a 5-line
 *    invoice, sequentially in this (single-threaded) process, after a warm-up.
 * 2. The raw BullMQ no-op ceiling on the local Redis at worker concurrency 1, 4 and 16.
 *
 *   npm run bench:pdf-render -- [--seconds=5] [--jobs=10000] [--skip-bullmq]
 */
import { buildInvoiceContent, renderInvoiceContentPdf } from "../src/modules/async-fulfilment/invoice"
import { invoiceIdentity, orderDocument, seller } from "../src/modules/async-fulfilment/invoice/__tests__/__fixtures__/invoice-input"
import { rawNoopDrain, NoopRun } from "./raw-bullmq"
import { flag, hasFlag, loadavgText, mib, printTable, runWhenMain, summarize, writeResult } from "./lib"

export async function measurePdf(seconds: number, lines = 5, warmup = 100) {
  const order = orderDocument(lines)
  const render = async () => renderInvoiceContentPdf(buildInvoiceContent({ order, invoice: invoiceIdentity, seller }))
  let bytes = 0
  for (let i = 0; i < warmup; i++) bytes = (await render()).length

  const samples: number[] = []
  const layoutSamples: number[] = []
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const until = t0 + seconds * 1000
  while (performance.now() < until) {
    const a = performance.now()
    const content = buildInvoiceContent({ order, invoice: invoiceIdentity, seller })
    const b = performance.now()
    await renderInvoiceContentPdf(content)
    samples.push(performance.now() - a)
    layoutSamples.push(b - a)
  }
  const wall = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const cpuMs = (cpu.user + cpu.system) / 1000
  const s = summarize(samples)
  return {
    lines,
    warmup,
    pdfs: samples.length,
    wall_ms: wall,
    pdfs_per_s: (samples.length / wall) * 1000,
    // per CPU-second of this process: what one fully used core yields
    pdfs_per_cpu_s: (samples.length / cpuMs) * 1000,
    cpu_utilisation: cpuMs / wall,
    ms_p50: s.p50,
    ms_p99: s.p99,
    layout_ms_p50: summarize(layoutSamples).p50,
    pdf_bytes: bytes,
  }
}

export async function main() {
  const seconds = flag("seconds", 5)
  const jobs = flag("jobs", 10_000)
  console.log(`pdf-render: load average ${loadavgText()}`)

  const pdf = await measurePdf(seconds)
  printTable(`Invoice PDF, ${pdf.lines} lines, one thread, ${pdf.warmup} warm-up renders, ${seconds} s (target ≥ 100 PDFs/s per core)`, [
    {
      pdfs: pdf.pdfs,
      "PDFs/s (wall)": pdf.pdfs_per_s,
      "PDFs/s per CPU-s": pdf.pdfs_per_cpu_s,
      "cpu util": pdf.cpu_utilisation,
      "ms p50": pdf.ms_p50,
      "ms p99": pdf.ms_p99,
      "content ms p50": pdf.layout_ms_p50,
      "PDF bytes": pdf.pdf_bytes,
      target: pdf.pdfs_per_s >= 100 ? "met" : "missed",
    },
  ])

  const noop: NoopRun[] = []
  if (!hasFlag("skip-bullmq")) {
    for (const concurrency of [1, 4, 16]) {
      noop.push(await rawNoopDrain(jobs, concurrency))
    }
    printTable(`Raw BullMQ no-op ceiling, ${jobs} jobs pre-enqueued, one Worker`, noop.map(rawRow))
  }
  console.log(`\nload average after: ${loadavgText()}`)
  writeResult("pdf-render", { pdf, raw_noop: noop })
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
