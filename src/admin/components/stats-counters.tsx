import { Container, Heading, Text } from "@medusajs/ui"
import { useSideEffectStats } from "../hooks"
import { formatAge } from "../lib/format"
import type { KindStats } from "../../api/admin/async-fulfilment/contract"
import { JOB_KINDS, KIND_LABEL } from "../lib/job-status"

const COUNTERS: { key: keyof KindStats; label: string; alert?: boolean }[] = [
  { key: "waiting", label: "Waiting" },
  { key: "active", label: "Active" },
  { key: "delayed", label: "Delayed" },
  { key: "failed", label: "Failed", alert: true },
  { key: "held", label: "Held" },
  { key: "completed_last_hour", label: "Done (1 h)" },
]

/** One card per kind: queue counters, oldest waiting job and throughput. */
export const StatsCounters = () => {
  const { data, isError, error } = useSideEffectStats()
  if (isError) return <Text size="small" className="text-ui-fg-error">{error.message}</Text>

  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
      {JOB_KINDS.map((kind) => {
        const stats = data?.kinds[kind]
        return (
          <Container key={kind} className="flex flex-col gap-y-3" data-testid={`stats-${kind}`}>
            <Heading level="h3">{KIND_LABEL[kind]}</Heading>
            <div className="grid grid-cols-3 gap-2">
              {COUNTERS.map(({ key, label, alert }) => (
                <div key={key}>
                  <Text size="xsmall" className="text-ui-fg-subtle">{label}</Text>
                  <Text size="large" weight="plus" className={alert && stats?.[key] ? "text-ui-fg-error" : undefined}>
                    {stats ? stats[key] : "…"}
                  </Text>
                </div>
              ))}
            </div>
            <Text size="xsmall" className="text-ui-fg-subtle">
              Oldest waiting: {stats ? formatAge(stats.oldest_waiting_age_ms) : "…"} · {stats?.processing_rate_per_minute ?? "…"}/min
            </Text>
          </Container>
        )
      })}
    </div>
  )
}
