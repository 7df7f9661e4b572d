import { writeFileSync } from "fs"
import path from "path"
import { fetchStoreRequest, Shopper } from "../../store-client"
import { waitFor } from "../../dev-support/wait-for"
import { PreparedCheckout, prepareCheckouts } from "./support/checkout-burst"
import { buildLedger, JobRow, Ledger, orphanPdfs, readInvoices, readJobRows, table } from "./support/ledger"
import { MedusaProcess, ProcessExit, ProcessStoreRun, redisUrl } from "./support/process-store"
import { ActiveJob, KINDS, QueueEvent, QueueWatch } from "./support/queue-watch"

const artifacts = path.resolve(__dirname, "../artifacts/processes")
const LOCK_MS = 4_000
const STALLED_INTERVAL_MS = 2_000
const KILL_BURST = 30
const TERM_BURST = 15
const CART_CONCURRENCY = 6
/**
 * When worker-1 is killed, once the burst is enqueued and jobs are running:
 * - `mail-accepted` (default): the instant the SMTP server has accepted a mail from it (250 sent),
 *   the worst moment for the mail and a moment when ERP calls and renders are in flight too;
 * - `any`: as soon as at least 3 jobs are active, wherever they are.
 */
const CRASH_MOMENT = (process.env.AF_CRASH_MOMENT ?? "mail-accepted") as "mail-accepted" | "any"

const shopperTemplates: Omit<Shopper, "email">[] = [
  { first_name: "Anna", last_name: "Nowak", country_code: "pl", currency: "pln", items: [{ variant: "desk", quantity: 1 }, { variant: "tshirt", quantity: 2 }] },
  { first_name: "Jonas", last_name: "Weber", country_code: "de", currency: "eur", items: [{ variant: "tshirt", quantity: 3 }] },
  { first_name: "Marie", last_name: "Dubois", country_code: "fr", currency: "eur", items: [{ variant: "desk", quantity: 2 }] },
]

const byKind = (jobs: { kind: string }[]) =>
  KINDS.map((kind) => `${jobs.filter((job) => job.kind === kind).length} ${kind}`).join(", ")
const jobIdOf = (row: JobRow) => `${row.kind}-${row.order_id}`

/**
 * No placed order loses a side effect and none happens twice when worker processes die.
 *
 * Topology: one `medusa start` with MEDUSA_WORKER_MODE=server (the store API; it only enqueues)
 * and one `medusa start` with MEDUSA_WORKER_MODE=worker at a time (never more than two Medusa
 * processes), on one database and one set of Redis prefixes. Locks are short (4 s, stalled check
 * every 2 s) and the ERP answers in 300–800 ms, so a burst of orders is still in flight when a
 * worker dies. What the outside world saw is audited per order: invoice rows and their numbers
 * (Postgres), mails (a real SMTP server), ERP documents and repeated deliveries (an idempotent ERP).
 */
describe("crash safety: worker processes die with a burst of orders in flight", () => {
  const store = new ProcessStoreRun(artifacts, {
    lockMs: LOCK_MS,
    stalledIntervalMs: STALLED_INTERVAL_MS,
    erpDelayMs: { min: 300, max: 800 },
  })
  const watch = new QueueWatch(redisUrl, store.queuePrefix)
  const orderIds: string[] = []
  const summary: { scenario: string; ledger: Ledger; answersLost: number; newOrphans: number }[] = []
  const notes: string[] = []
  let server: MedusaProcess
  let worker: MedusaProcess
  let checkouts: PreparedCheckout[] = []

  const shopper = (index: number): Shopper => ({
    ...shopperTemplates[index % shopperTemplates.length],
    email: `shopper-${index + 1}@example.com`,
  })

  /** Completes prepared carts all at once, as a burst of shoppers pressing "Place order". */
  const placeBurst = async (count: number): Promise<string[]> => {
    const burst = checkouts.splice(0, count)
    const orders = await store.timed(`place ${count} orders at once (POST /store/carts/:id/complete)`, () =>
      Promise.all(burst.map((checkout) => checkout.complete()))
    )
    const ids = orders.map((order) => order.id)
    orderIds.push(...ids)
    return ids
  }

  /** Until every order of the burst has its three jobs in BullMQ and some are running. */
  const burstInFlight = (ids: string[], minActive: number) =>
    waitFor(
      `${ids.length} orders enqueued with at least ${minActive} jobs active`,
      async () => {
        if ((await watch.ordersEnqueued(ids)) < ids.length) {
          return null
        }
        const active = await watch.activeJobs()
        return active.length >= minActive ? active : null
      },
      { timeoutMs: 60_000, intervalMs: 50 }
    )

  /** Waits for every row to complete; returns the rows either way (the tests say what is missing). */
  const drain = async (ids: string[], timeoutMs: number): Promise<{ rows: JobRow[]; timedOut: boolean }> => {
    try {
      const rows = await waitFor(
        `all ${ids.length * 3} side effects of ${ids.length} orders to complete`,
        async () => {
          const rows = await readJobRows(store.databaseUrl, ids)
          return rows.length === ids.length * 3 && rows.every((row) => row.status === "completed") ? rows : null
        },
        { timeoutMs, intervalMs: 200 }
      )
      return { rows, timedOut: false }
    } catch {
      return { rows: await readJobRows(store.databaseUrl, ids), timedOut: true }
    }
  }

  const ledgerOf = (ids: string[]) =>
    buildLedger({ databaseUrl: store.databaseUrl, orderIds: ids, smtp: store.smtp, erp: store.erp, uploads: store.uploads })

  const orphanCount = async () => orphanPdfs(store.uploads, await readInvoices(store.databaseUrl)).length

  const firstEvent = (events: QueueEvent[], job: { kind: string; jobId: string }, event: QueueEvent["event"], after: number) =>
    events.find((e) => e.kind === job.kind && e.jobId === job.jobId && e.event === event && e.at >= after)

  /** How long each kind's runs took (active → completed), from BullMQ's event stream. */
  const runTimes = (events: QueueEvent[]) =>
    KINDS.map((kind) => {
      const durations: number[] = []
      for (const done of events.filter((e) => e.kind === kind && e.event === "completed")) {
        const started = events.filter((e) => e.jobId === done.jobId && e.event === "active" && e.at <= done.at).pop()
        if (started) {
          durations.push(done.at - started.at)
        }
      }
      durations.sort((a, b) => a - b)
      const pick = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? "-"
      return [kind, durations.length, pick(0), pick(0.5), pick(0.95), durations[durations.length - 1] ?? "-"]
    })

  beforeAll(async () => {
    await store.prepare()
    await watch.start()
    server = await store.start("server", "server")
    // while the first worker boots, shoppers fill their carts (no side effect before checkout completes)
    const shoppers = Array.from({ length: KILL_BURST + TERM_BURST }, (_, index) => shopper(index))
    ;[worker, checkouts] = await Promise.all([
      store.start("worker-1", "worker"),
      store.timed(`prepare ${shoppers.length} carts (store API, ${CART_CONCURRENCY} at a time)`, () =>
        prepareCheckouts(fetchStoreRequest(server.baseUrl, store.fixture.publishableKey), store.fixture, shoppers, CART_CONCURRENCY)
      ),
    ])
  })

  afterAll(async () => {
    await watch.close()
    await store.stop()
    const lines = [
      "",
      table(
        ["scenario", "orders placed", "invoices", "mails", "mail resends (announced)", "ERP documents", "duplicates seen (ERP)", "ERP answers lost", "orphan PDFs"],
        summary.map(({ scenario, ledger, answersLost, newOrphans }) => [
          scenario,
          ledger.ordersPlaced,
          ledger.invoices,
          ledger.mails,
          ledger.announcedMailResends,
          ledger.erpDocuments,
          ledger.erpDuplicates,
          answersLost,
          newOrphans,
        ])
      ),
      "",
      "run time per job (active → completed, ms; all runs):",
      table(["kind", "runs", "min", "median", "p95", "max"], runTimes(watch.events)),
      "",
      ...notes,
      "",
      "timings (ms):",
      ...Object.entries(store.timings).map(([step, ms]) => `  ${step}: ${ms}`),
      "",
      `process logs: ${artifacts}`,
    ]
    writeFileSync(path.join(artifacts, "report.txt"), lines.join("\n") + "\n")
    console.log(lines.join("\n"))
  })

  it("splits the store: the worker-mode process serves /health on its own PORT, no store API, and runs the workers", async () => {
    expect(server.port).not.toBe(worker.port)
    expect((await fetch(`${worker.baseUrl}/health`)).status).toBe(200)
    const storeApi = await fetch(`${worker.baseUrl}/store/regions`, {
      headers: { "x-publishable-api-key": store.fixture.publishableKey },
    })
    expect(storeApi.status).toBe(404)
    expect(server.log()).not.toContain("[async-fulfilment] workers started")
    expect(worker.log()).toContain("[async-fulfilment] workers started")
  })

  describe(`SIGKILL: kill -9 worker-1 mid-burst (${KILL_BURST} orders, crash moment: ${CRASH_MOMENT}), then start worker-2`, () => {
    let ids: string[] = []
    let killAt = 0
    let exit: ProcessExit
    let orphaned: ActiveJob[] = []
    let events: QueueEvent[] = []
    let ledger: Ledger
    let drained: { rows: JobRow[]; timedOut: boolean }

    beforeAll(async () => {
      const scenarioStarted = Date.now()
      const [answersLostBefore, orphansBefore] = [store.erp.lostAnswers, await orphanCount()]
      ids = await placeBurst(KILL_BURST)
      await burstInFlight(ids, 3)
      let erpInFlight = 0
      let moment: string = CRASH_MOMENT
      const killNow = () => {
        erpInFlight = store.erp.inFlight
        killAt = Date.now()
        worker.child.kill("SIGKILL")
      }
      if (CRASH_MOMENT === "mail-accepted") {
        // the next mail the SMTP server accepts from worker-1: kill it as the 250 goes out
        const accepted = new Promise<boolean>((resolve) =>
          store.smtp.onNextMail(() => setImmediate(() => resolve(true)))
        )
        const noMail = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000))
        if (!(await Promise.race([accepted, noMail]))) {
          moment = "any (no mail was accepted within 15 s)"
        }
      }
      killNow()
      exit = await worker.exited
      const rowsBefore = await readJobRows(store.databaseUrl, ids)
      // with no worker alive, BullMQ's active list is exactly what died with worker-1
      orphaned = await watch.activeJobs()
      const backlog = await watch.counts()

      // the dead worker's locks run out on their own: watch them go while the next worker boots
      const locksGone = (async () => {
        const gone = new Map<string, number>()
        const deadline = Date.now() + LOCK_MS + 5_000
        while (gone.size < orphaned.length && Date.now() < deadline) {
          for (const job of orphaned) {
            if (!gone.has(job.jobId) && !(await watch.lockExists(job.kind, job.jobId))) {
              gone.set(job.jobId, Date.now() - killAt)
            }
          }
          await new Promise((resolve) => setTimeout(resolve, 25))
        }
        return gone
      })()
      worker = await store.start("worker-2", "worker")
      const lockGoneAfter = await locksGone
      drained = await store.timed("SIGKILL burst: drain after worker-2 is ready", () => drain(ids, 90_000))
      await new Promise((resolve) => setTimeout(resolve, 1_000)) // anything still to arrive twice would arrive now

      ledger = await ledgerOf(ids)
      summary.push({
        scenario: "SIGKILL (kill -9 worker-1)",
        ledger,
        answersLost: store.erp.lostAnswers - answersLostBefore,
        newOrphans: (await orphanCount()) - orphansBefore,
      })
      events = watch.eventsBetween(scenarioStarted)
      const rowsAfter = await readJobRows(store.databaseUrl, ids)
      const since = (t: number | undefined, from: number) => (t === undefined ? "-" : t - from)
      const takeover = await Promise.all(
        orphaned.map(async (job) => {
          const stalledAt = firstEvent(events, job, "stalled", killAt)?.at
          const row = rowsAfter.find((r) => jobIdOf(r) === job.jobId)
          const bull = await watch.queue(job.kind).getJob(job.jobId)
          return [
            job.kind,
            job.jobId.slice(0, 26) + "…",
            job.lockTtlMs,
            lockGoneAfter.get(job.jobId) ?? "-",
            since(stalledAt, killAt),
            since(stalledAt, worker.readyAt),
            since(firstEvent(events, job, "active", killAt)?.at, killAt),
            since(firstEvent(events, job, "completed", killAt)?.at, killAt),
            `${row?.attempts ?? "-"} / ${bull?.attemptsMade ?? "-"}, ${bull?.attemptsStarted ?? "-"}, ${bull?.stalledCounter ?? "-"}`,
          ]
        })
      )
      const orphanFiles = orphanPdfs(store.uploads, await readInvoices(store.databaseUrl)).map((file) => {
        const savedAt = Number(/^private-(\d+)-/.exec(file)?.[1])
        return `${file} (saved ${savedAt - killAt} ms after the kill)`
      })
      const doubleMails = ids
        .map((id) => ({ id, mails: store.smtp.receivedFor(id) }))
        .filter(({ mails }) => mails.length > 1)
        .map(({ id, mails }) => `order ${id}: mails accepted at ${mails.map(({ at }) => `kill${at - killAt >= 0 ? "+" : ""}${at - killAt} ms`).join(" and ")}`)
      notes.push(
        `SIGKILL (crash moment: ${moment}): worker-1 ended with signal ${exit.signal}; ${orphaned.length} job(s) active on it when it died ` +
          `(${byKind(orphaned)}), ${erpInFlight} ERP request(s) unanswered, waiting: ${KINDS.map(
            (kind) => `${backlog[kind].waiting + backlog[kind]["waiting-children"]} ${kind}`
          ).join(", ")}; ${rowsBefore.filter((row) => row.status === "completed").length}/${ids.length * 3} side effects were done when it died.`,
        `worker-2 was ready ${worker.readyAt - killAt} ms after the kill (its boot is most of the takeover time here); ` +
          `all side effects completed ${drained.timedOut ? "NOT (timed out)" : `${store.timings["SIGKILL burst: drain after worker-2 is ready"]} ms after it was ready`}.`,
        "stalled-job takeover per job that died with worker-1 (ms; the lock's TTL at the kill, then times after the kill, and after worker-2 was ready):",
        table(
          ["kind", "job", "lock TTL at kill", "lock gone", "stalled (kill+)", "stalled (ready+)", "active again (kill+)", "completed (kill+)", "row attempts / BullMQ attemptsMade, attemptsStarted, stalledCounter"],
          takeover
        ),
        `mails accepted twice: ${doubleMails.length ? doubleMails.join("; ") : "none"}`,
        `invoice PDFs no invoice row points to: ${orphanFiles.length ? orphanFiles.join("; ") : "none"}`
      )
    })

    it("worker-1 died of the SIGKILL with jobs of its own in flight", () => {
      expect(exit.signal).toBe("SIGKILL")
      expect(orphaned.length).toBeGreaterThan(0)
    })

    it("loses nothing: all three side effects of every order complete after worker-2 starts", () => {
      expect(drained.rows.filter((row) => row.status !== "completed").map(jobIdOf)).toEqual([])
      expect(drained.rows).toHaveLength(ids.length * 3)
      expect(events.filter((e) => e.event === "failed")).toEqual([])
    })

    it("invoices: exactly one per order, unique numbers, sequence 1..N without a gap", () => {
      expect(ledger.problems.filter((p) => /invoice/.test(p))).toEqual([])
      expect(ledger.invoices).toBe(ids.length)
      expect(ledger.invoiceNumbersUnique).toBe(true)
      expect(ledger.invoiceSequence).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1))
    })

    it("mails: one per order, except a resend announced in the row for a worker killed while sending", () => {
      expect(ledger.problems.filter((p) => /mails? received/.test(p))).toEqual([])
      expect(ledger.ordersWithOneMail + ledger.announcedMailResends).toBe(ids.length)
      expect(ledger.mails).toBe(ids.length + ledger.announcedMailResends)
    })

    it("ERP: exactly one document per Idempotency-Key; repeated deliveries get the same reference", () => {
      expect(ledger.problems.filter((p) => /ERP/.test(p))).toEqual([])
      expect(ledger.erpDocuments).toBe(ids.length)
      expect(ledger.ordersWithOneErpDocument).toBe(ids.length)
      expect(ledger.erpReferencesMatch).toBe(true)
    })

    it("every job that died with worker-1 is found stalled once its lock is gone, and completed by worker-2", async () => {
      for (const job of orphaned) {
        expect({ job: job.jobId, stalled: !!firstEvent(events, job, "stalled", killAt) }).toEqual({ job: job.jobId, stalled: true })
        expect({ job: job.jobId, completed: !!firstEvent(events, job, "completed", killAt) }).toEqual({ job: job.jobId, completed: true })
      }
      const stalled = events.filter((e) => e.event === "stalled")
      expect(stalled.filter((e) => !orphaned.some((job) => job.jobId === e.jobId))).toEqual([])
      const counts = await watch.counts()
      for (const kind of KINDS) {
        expect({ kind, active: counts[kind].active, failed: counts[kind].failed }).toEqual({ kind, active: 0, failed: 0 })
      }
    })
  })

  describe(`SIGTERM: stop worker-2 mid-burst (${TERM_BURST} orders), then start worker-3`, () => {
    let ids: string[] = []
    let activeAtTerm: ActiveJob[] = []
    let term: ProcessExit & { tookMs: number }
    let shutdownLog = ""
    let rowsAtExit: JobRow[] = []
    let activeAfterExit: ActiveJob[] = []
    let events: QueueEvent[] = []
    let answersLostBefore = 0
    let ledger: Ledger
    let all: Ledger
    let drained: { rows: JobRow[]; timedOut: boolean }
    // an ERP job that found its invoice not issued yet went back to BullMQ's delayed set without an
    // error (no attempt used): its run ended cleanly too
    const putBackToWait = (row: JobRow) => row.status === "queued" && row.next_retry_at !== null && row.last_error === null
    const completedAtExit = (job: ActiveJob) =>
      rowsAtExit.some((row) => jobIdOf(row) === job.jobId && (row.status === "completed" || (row.kind === "erp" && putBackToWait(row))))
    const errorLines = () => shutdownLog.split("\n").filter((line) => /unhandled|uncaught|\berror\b|exception|warn/i.test(line))

    beforeAll(async () => {
      const scenarioStarted = Date.now()
      answersLostBefore = store.erp.lostAnswers
      const orphansBefore = await orphanCount()
      ids = await placeBurst(TERM_BURST)
      activeAtTerm = await burstInFlight(ids, 2)
      const logBefore = worker.log().length
      term = await worker.terminate(60_000)
      store.timings["SIGTERM: worker-2 shutdown (signal to exit)"] = term.tookMs
      shutdownLog = worker.log().slice(logBefore)
      rowsAtExit = await readJobRows(store.databaseUrl, ids)
      activeAfterExit = await watch.activeJobs()
      const leftForNext = await watch.counts()

      worker = await store.start("worker-3", "worker")
      drained = await store.timed("SIGTERM burst: drain after worker-3 is ready", () => drain(ids, 90_000))
      await new Promise((resolve) => setTimeout(resolve, 1_000))

      ledger = await ledgerOf(ids)
      summary.push({
        scenario: "SIGTERM (worker-2)",
        ledger,
        answersLost: store.erp.lostAnswers - answersLostBefore,
        newOrphans: (await orphanCount()) - orphansBefore,
      })
      all = await ledgerOf(orderIds)
      summary.push({ scenario: "all orders", ledger: all, answersLost: store.erp.lostAnswers, newOrphans: all.orphanPdfs })
      events = watch.eventsBetween(scenarioStarted)
      // the at-least-once window of a mail: from the SMTP server's 250 to the row recorded completed
      // (completed_at is taken just before the UPDATE, so it is a lower bound; BullMQ's completed event, after it, an upper one)
      const allRows = await readJobRows(store.databaseUrl, orderIds)
      const windows = orderIds.flatMap((id) => {
        const mails = store.smtp.receivedFor(id)
        const row = allRows.find((r) => r.order_id === id && r.kind === "mail")
        const bullDone = watch.events.filter((e) => e.jobId === `mail-${id}` && e.event === "completed").pop()
        return mails.length === 1 && row?.completed_at && bullDone
          ? [{ low: row.completed_at.getTime() - mails[0].at, high: bullDone.at - mails[0].at }]
          : []
      })
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
      notes.push(
        `mail at-least-once window (SMTP 250 → row completed), ${windows.length} mails: ` +
          `median ${median(windows.map((w) => w.low))}–${median(windows.map((w) => w.high))} ms, ` +
          `max ${Math.max(...windows.map((w) => w.low))}–${Math.max(...windows.map((w) => w.high))} ms ` +
          `(a worker dying inside it has sent the mail without recording it: the next run sends it again)`
      )
      notes.push(
        `SIGTERM: ${activeAtTerm.length} job(s) active at the signal (${byKind(activeAtTerm)}); worker-2 exited with code ${term.code} ` +
          `(signal ${term.signal}) ${term.tookMs} ms after it; ${activeAtTerm.filter(completedAtExit).length}/${activeAtTerm.length} ` +
          `of them were completed (or back to wait for their invoice) when it exited; ${activeAfterExit.length} job(s) active in BullMQ and ` +
          `${rowsAtExit.filter((row) => row.status === "active").length} row(s) 'active' in Postgres after the exit; ` +
          `left waiting for worker-3: ${KINDS.map((kind) => `${leftForNext[kind].waiting + leftForNext[kind]["waiting-children"]} ${kind}`).join(", ")}; ` +
          `${events.filter((e) => e.event === "stalled").length} stalled event(s); ${errorLines().length} error/warning line(s) in its shutdown log.`,
        `worker-2's log after SIGTERM:\n${shutdownLog.trim().split("\n").map((line) => `    ${line}`).join("\n")}`
      )
    })

    it("worker-2 exits with code 0 (Medusa's graceful shutdown), promptly, logging no error", () => {
      expect(activeAtTerm.length).toBeGreaterThan(0)
      // `medusa start` handles SIGTERM itself: HTTP server closed, shutdown hooks, then process.exit(0)
      // (process.exit(1) if the shutdown throws)
      expect({ code: term.code, signal: term.signal }).toEqual({ code: 0, signal: null })
      expect(term.tookMs).toBeLessThan(30_000)
      expect(shutdownLog).toContain("Gracefully shutting down server")
      expect(errorLines()).toEqual([])
    })

    it("finishes what it started before it exits: nothing active, nothing stalled, no ERP answer lost", () => {
      expect(activeAfterExit).toEqual([])
      expect(activeAtTerm.filter((job) => !completedAtExit(job))).toEqual([])
      expect(rowsAtExit.filter((row) => row.status === "active")).toEqual([])
      expect(store.erp.lostAnswers).toBe(answersLostBefore)
      expect(events.filter((e) => e.event === "stalled")).toEqual([])
    })

    it("worker-3 completes the rest: one invoice, one mail, one ERP document per order", () => {
      expect(drained.rows.filter((row) => row.status !== "completed").map(jobIdOf)).toEqual([])
      expect(ledger.problems).toEqual([])
      expect(ledger.mails).toBe(ids.length)
      expect(ledger.erpDuplicates).toBe(0)
      expect(events.filter((e) => e.event === "failed")).toEqual([])
    })

    it("across both bursts: invoice numbers 1..N without a gap, one ERP document per order", () => {
      expect(all.invoiceSequence).toEqual(Array.from({ length: orderIds.length }, (_, i) => i + 1))
      expect(all.invoiceNumbersUnique).toBe(true)
      expect(all.erpDocuments).toBe(orderIds.length)
      expect(all.erpReferencesMatch).toBe(true)
    })
  })

  it("no job lost its lock while its worker was alive (the CPU-bound invoice render included)", () => {
    const logs = store.processes.map((p) => ({
      name: p.name,
      lines: p
        .log()
        .split("\n")
        .filter((line) => /stall|missing lock|lock.*(renew|extend)/i.test(line))
        // the plugin's own notice of a takeover; the stalled events above say when they happened
        .filter((line) => !/stalled \(its worker died\): it runs again/.test(line)),
    }))
    const stalled = watch.events.filter((e) => e.event === "stalled")
    const killed = store.processes.find((p) => p.exit?.signal === "SIGKILL")
    // only jobs that were running on the SIGKILLed worker may stall, and only after it died
    const unexpected = stalled.filter((e) => !killed?.exit || e.at < killed.exit.at)
    notes.push(
      `lost locks: ${stalled.length} stalled event(s) in all (${stalled.filter((e) => e.kind === "invoice").length} invoice), ` +
        `${unexpected.length} while no worker had died; log lines mentioning a stall or a lost lock: ` +
        logs.map(({ name, lines }) => `${name} ${lines.length}`).join(", ")
    )
    expect(unexpected).toEqual([])
    expect(logs.flatMap(({ lines }) => lines)).toEqual([])
  })

  it("no process logged an unhandled rejection or uncaught exception", () => {
    const unhandled = store.processes.flatMap((p) =>
      p.log().split("\n").filter((line) => /unhandled|uncaught/i.test(line)).map((line) => `${p.name}: ${line}`)
    )
    expect(unhandled).toEqual([])
  })
})
