import type { SideEffectQueues } from "../queues/side-effect-queues"
import { SIDE_EFFECT_KINDS } from "../types/side-effect"
import type { SideEffectStats } from "./collect-side-effect-stats"

const gauge = (name: string, help: string, samples: string[]) =>
  [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples].join("\n")

/** BullMQ's own exporter for each queue, then the side-effect jobs' view of each kind (Postgres). */
export async function renderPrometheusMetrics(queues: SideEffectQueues, stats: SideEffectStats): Promise<string> {
  const bullmq = await Promise.all(
    SIDE_EFFECT_KINDS.map((kind) => queues.queue(kind).exportPrometheusMetrics({ kind }))
  )
  const kinds = SIDE_EFFECT_KINDS.map((kind) => [kind, stats[kind]] as const)
  const ours = [
    gauge(
      "async_fulfilment_records",
      "Side-effect records in Postgres by kind and state",
      kinds.flatMap(([kind, s]) =>
        (["failed", "held"] as const).map((state) => `async_fulfilment_records{kind="${kind}",state="${state}"} ${s[state]}`)
      )
    ),
    gauge(
      "async_fulfilment_completed_last_hour",
      "Side effects completed in the last hour",
      kinds.map(([kind, s]) => `async_fulfilment_completed_last_hour{kind="${kind}"} ${s.completed_last_hour}`)
    ),
    gauge(
      "async_fulfilment_oldest_waiting_seconds",
      "Age of the oldest job waiting to run (0 when none waits)",
      kinds.map(([kind, s]) => `async_fulfilment_oldest_waiting_seconds{kind="${kind}"} ${(s.oldest_waiting_age_ms ?? 0) / 1000}`)
    ),
  ]
  return [...bullmq.map((text) => text.trim()), ...ours].join("\n") + "\n"
}
