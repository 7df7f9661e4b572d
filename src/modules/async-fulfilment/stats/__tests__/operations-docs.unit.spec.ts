import { readFileSync } from "fs"
import path from "path"
import { METRIC_NAMES } from "../otel-metrics"

const docs = path.resolve(__dirname, "../../../../../docs")
const read = (file: string) => readFileSync(path.join(docs, file), "utf8")
const source = readFileSync(path.resolve(__dirname, "../prometheus-metrics.ts"), "utf8")

/** What the Prometheus route serves (ours and BullMQ's exporter) and what the OTel metrics become in Prometheus. */
const PROMETHEUS_ROUTE_NAMES = [...source.matchAll(/"(async_fulfilment_[a-z_]+)"/g)].map((match) => match[1])
const OTEL_AS_PROMETHEUS = Object.values(METRIC_NAMES).flatMap((name) => {
  const base = name.replace(/\./g, "_")
  return [base, `${base}_total`, `${base}_seconds`, `${base}_seconds_bucket`, `${base}_bucket`]
})
// label names that look like metric names: the OTel attributes as Prometheus labels
const LABELS = ["messaging_system", "messaging_destination_name"]
const KNOWN = new Set([...PROMETHEUS_ROUTE_NAMES, ...OTEL_AS_PROMETHEUS, "bullmq_job_count", ...LABELS])

const metricsIn = (text: string) => new Set([...text.matchAll(/\b((?:async_fulfilment|bullmq|messaging)_[a-z_]+)\b/g)].map((match) => match[1]))

describe("docs/ operations files", () => {
  it("read the Prometheus route's metric names from the code", () => {
    expect(PROMETHEUS_ROUTE_NAMES.sort()).toEqual([
      "async_fulfilment_completed_last_hour",
      "async_fulfilment_oldest_waiting_seconds",
      "async_fulfilment_records",
    ])
  })

  it.each(["grafana-dashboard.json", "prometheus-alerts.yml"])("%s uses only metric names the plugin serves", (file) => {
    const used = [...metricsIn(read(file))]
    expect(used.length).toBeGreaterThan(3)
    expect(used.filter((name) => !KNOWN.has(name))).toEqual([])
  })

  it("the dashboard is importable JSON with a panel per metric of the route", () => {
    const dashboard = JSON.parse(read("grafana-dashboard.json"))
    expect(dashboard.uid).toBe("medusa-async-fulfilment")
    const exprs = JSON.stringify(dashboard.panels)
    for (const name of PROMETHEUS_ROUTE_NAMES) {
      expect(exprs).toContain(name)
    }
  })
})
