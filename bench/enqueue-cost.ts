/**
 * 3. The cost of the enqueue step of the schedule path per order: SideEffectQueues.enqueue
 *    (buildSideEffectFlows + one FlowProducer.addBulk) from the call until Redis has answered
 *    the MULTI/EXEC, i.e. until the jobs are in Redis (durable as far as the server's
 *    appendonly/appendfsync settings make them; reported). p50/p99 over ≥ 1,000 orders after
 *    a warm-up, one order at a time and with 16 orders in flight together.
 *
 *    Round trips are counted on the producer's ioredis connection: every command through
 *    `sendCommand` (by name; MULTI and EXEC mark a transaction) and every write to its socket.
 *    ioredis writes a whole pipeline/MULTI in one socket write, so writes per order = request
 *    batches sent to Redis per order; one batch whose answer the call awaits = one round trip.
 *
 *   npm run bench:enqueue-cost -- [--orders=2000] [--warmup=200] [--parallel=16]
 */
import IORedis from "ioredis"
import { SideEffectQueues } from "../src/modules/async-fulfilment/queues/side-effect-queues"
import { buildSideEffectFlows } from "../src/modules/async-fulfilment/queues/side-effect-flow"
import { SIDE_EFFECT_KINDS } from "../src/modules/async-fulfilment/types/side-effect"
import { benchOptions, benchPrefix, deletePrefix, flag, loadavgText, printTable, REDIS_URL, runWhenMain, summarize, writeResult } from "./lib"

interface Tap {
  commands: Map<string, number>
  writes: number
  multis: number
  execs: number
}

/** Counts commands and socket writes on an ioredis client from now on. */
function tapConnection(redis: IORedis): { tap: Tap; reset: () => void } {
  const tap: Tap = { commands: new Map(), writes: 0, multis: 0, execs: 0 }
  const originalSend = redis.sendCommand.bind(redis)
  ;(redis as unknown as { sendCommand: typeof redis.sendCommand }).sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
    const name = command.name.toLowerCase()
    tap.commands.set(name, (tap.commands.get(name) ?? 0) + 1)
    if (name === "multi") tap.multis++
    if (name === "exec") tap.execs++
    return (originalSend as (...a: unknown[]) => unknown)(command, ...rest)
  }) as typeof redis.sendCommand
  const stream = (redis as unknown as { stream: { write: (...a: unknown[]) => boolean } }).stream
  const originalWrite = stream.write.bind(stream)
  stream.write = (...args: unknown[]) => {
    tap.writes++
    return originalWrite(...args)
  }
  return {
    tap,
    reset: () => {
      tap.commands.clear()
      tap.writes = tap.multis = tap.execs = 0
    },
  }
}

export async function main() {
  const orders = flag("orders", 2000)
  const warmup = flag("warmup", 200)
  const parallel = flag("parallel", 16)
  const prefix = benchPrefix("enqueue")
  const options = benchOptions(prefix)
  const admin = new IORedis(REDIS_URL)
  const producer = new IORedis(REDIS_URL, { maxRetriesPerRequest: 2 })
  await new Promise<void>((r) => (producer.status === "ready" ? r() : producer.once("ready", () => r())))
  const queues = new SideEffectQueues(producer, options)
  const [, appendonly] = (await admin.config("GET", "appendonly")) as string[]
  const [, appendfsync] = (await admin.config("GET", "appendfsync")) as string[]
  console.log(`enqueue-cost: ${orders} orders, load average ${loadavgText()}; Redis appendonly=${appendonly} appendfsync=${appendfsync}`)
  let n = 0
  const nextInput = () => ({ order_id: `order_enq${String(n++).padStart(8, "0")}`, event_id: "evt_bench", kinds: [...SIDE_EFFECT_KINDS] })

  try {
    // warm-up: BullMQ connection checks, script loading (SCRIPT LOAD / EVALSHA), JIT
    for (let i = 0; i < warmup; i++) await queues.enqueue(nextInput())

    // the floor: one PING on the same connection, same count, for the noise of this machine
    const ping: number[] = []
    for (let i = 0; i < orders; i++) {
      const a = performance.now()
      await producer.ping()
      ping.push(performance.now() - a)
    }

    const { tap, reset } = tapConnection(producer)

    // flows only (CPU): what buildSideEffectFlows costs before any I/O
    const buildSamples: number[] = []
    for (let i = 0; i < orders; i++) {
      const input = nextInput()
      const a = performance.now()
      buildSideEffectFlows(input, options)
      buildSamples.push(performance.now() - a)
    }

    // sequential: one order at a time, each call's own round trips
    reset()
    const seq: number[] = []
    const perOrderWrites: number[] = []
    for (let i = 0; i < orders; i++) {
      const before = tap.writes
      const a = performance.now()
      await queues.enqueue(nextInput())
      seq.push(performance.now() - a)
      perOrderWrites.push(tap.writes - before)
    }
    const seqTap = { writes: tap.writes, multis: tap.multis, execs: tap.execs, commands: Object.fromEntries(tap.commands) }

    // `parallel` orders in flight at once, as concurrent checkouts on one server process
    reset()
    const par: number[] = []
    let started = 0
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (started < orders) {
          started++
          const a = performance.now()
          await queues.enqueue(nextInput())
          par.push(performance.now() - a)
        }
      })
    )
    const parWall = performance.now() - t0
    const parTap = { writes: tap.writes, multis: tap.multis, execs: tap.execs, commands: Object.fromEntries(tap.commands) }

    const s = summarize(seq)
    const p = summarize(par)
    const b = summarize(buildSamples)
    const pg = summarize(ping)
    const writesSorted = [...perOrderWrites].sort((x, y) => x - y)
    printTable(`Enqueue per order (SideEffectQueues.enqueue: 3 jobs, mail ← invoice flow + erp), ${orders} orders after ${warmup} warm-up (target p99 < 5 ms, one batch per order)`, [
      { mode: "PING (floor, same connection)", orders: pg.n, "ms p50": pg.p50, "ms p95": pg.p95, "ms p99": pg.p99, "ms max": pg.max, "orders/s": null, "writes/order": null, "MULTI/order": null, "EXEC/order": null, "cmds/order": null },
      { mode: "buildSideEffectFlows only", orders: b.n, "ms p50": b.p50, "ms p95": b.p95, "ms p99": b.p99, "ms max": b.max, "orders/s": null, "writes/order": null, "MULTI/order": null, "EXEC/order": null, "cmds/order": null },
      {
        mode: "sequential",
        orders: s.n,
        "ms p50": s.p50,
        "ms p95": s.p95,
        "ms p99": s.p99,
        "ms max": s.max,
        "orders/s": (s.n / seq.reduce((x, y) => x + y, 0)) * 1000,
        "writes/order": seqTap.writes / orders,
        "MULTI/order": seqTap.multis / orders,
        "EXEC/order": seqTap.execs / orders,
        "cmds/order": Object.values(seqTap.commands).reduce((x, y) => x + y, 0) / orders,
      },
      {
        mode: `${parallel} in flight`,
        orders: p.n,
        "ms p50": p.p50,
        "ms p95": p.p95,
        "ms p99": p.p99,
        "ms max": p.max,
        "orders/s": (p.n / parWall) * 1000,
        "writes/order": parTap.writes / orders,
        "MULTI/order": parTap.multis / orders,
        "EXEC/order": parTap.execs / orders,
        "cmds/order": Object.values(parTap.commands).reduce((x, y) => x + y, 0) / orders,
      },
    ])
    console.log(`\nsequential enqueue ÷ PING: p50 ${(s.p50 / pg.p50).toFixed(2)}×, p99 ${(s.p99 / pg.p99).toFixed(2)}×`)
    printTable("Commands seen on the producer connection, sequential run (per order)", Object.entries(seqTap.commands).map(([command, count]) => ({ command, "per order": count / orders })))
    const maxWrites = writesSorted[writesSorted.length - 1]
    const verdict = {
      "p99 < 5 ms (sequential)": s.p99 < 5 ? "met" : "missed",
      "one batch per order": writesSorted[0] === 1 && maxWrites === 1 && seqTap.execs === orders ? "met" : `missed (writes/order min ${writesSorted[0]}, max ${maxWrites})`,
    }
    printTable("Targets", [verdict])
    console.log(`\nload average after: ${loadavgText()}`)
    writeResult("enqueue-cost", {
      orders,
      warmup,
      parallel,
      redis: { appendonly, appendfsync },
      build_flows_ms: b,
      ping_ms: pg,
      sequential_over_ping: { p50: s.p50 / pg.p50, p99: s.p99 / pg.p99 },
      sequential_ms: s,
      parallel_ms: { ...p, wall_ms: parWall },
      sequential_tap: seqTap,
      parallel_tap: parTap,
      writes_per_order: { min: writesSorted[0], max: maxWrites },
      verdict,
    })
  } finally {
    await queues.close()
    await deletePrefix(admin, prefix)
    producer.disconnect()
    admin.disconnect()
  }
}

runWhenMain(module, main)
