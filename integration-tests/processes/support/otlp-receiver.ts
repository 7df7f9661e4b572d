import http from "http"
import type { AddressInfo } from "net"

/** One span as the OTLP/HTTP JSON exporter sends it, flattened: attributes as plain values. */
export interface ReceivedSpan {
  service: string
  traceId: string
  spanId: string
  parentSpanId: string
  name: string
  kind: number
  startNs: bigint
  endNs: bigint
  /** 0 unset, 1 ok, 2 error */
  statusCode: number
  attributes: Record<string, unknown>
  events: { name: string; attributes: Record<string, unknown> }[]
  links: { traceId: string; spanId: string }[]
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number; arrayValue?: { values?: OtlpValue[] } }
type OtlpAttribute = { key: string; value: OtlpValue }

function valueOf(value: OtlpValue): unknown {
  if (value.stringValue !== undefined) return value.stringValue
  if (value.intValue !== undefined) return Number(value.intValue)
  if (value.boolValue !== undefined) return value.boolValue
  if (value.doubleValue !== undefined) return value.doubleValue
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(valueOf)
  return undefined
}

const attributesOf = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]))

/** One data point of a metric as the OTLP/HTTP JSON exporter sends it. */
export interface ReceivedPoint {
  service: string
  name: string
  unit: string
  type: "sum" | "gauge" | "histogram"
  attributes: Record<string, unknown>
  /** a sum's or gauge's value; a histogram's count */
  value: number
}

/** A real OTLP/HTTP endpoint (`POST /v1/traces` and `/v1/metrics`, JSON) that keeps every span and data point it is sent. */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = []
  readonly points: ReceivedPoint[] = []
  readonly rejected: string[] = []
  protected server_ = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      try {
        if (!["/v1/traces", "/v1/metrics"].includes(req.url ?? "") || !String(req.headers["content-type"]).includes("json")) {
          throw new Error(`${req.method} ${req.url} (${req.headers["content-type"]})`)
        }
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"))
        if (req.url === "/v1/metrics") {
          this.collectMetrics(body)
        } else {
          this.collect(body)
        }
        res.writeHead(200, { "content-type": "application/json" })
        res.end("{}")
      } catch (error) {
        this.rejected.push(String(error))
        res.writeHead(400)
        res.end()
      }
    })
  })

  protected collect(body: any): void {
    for (const resourceSpans of body.resourceSpans ?? []) {
      const service = String(attributesOf(resourceSpans.resource?.attributes)["service.name"] ?? "")
      for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
        for (const span of scopeSpans.spans ?? []) {
          this.spans.push({
            service,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId ?? "",
            name: span.name,
            kind: span.kind,
            startNs: BigInt(span.startTimeUnixNano),
            endNs: BigInt(span.endTimeUnixNano),
            statusCode: span.status?.code ?? 0,
            attributes: attributesOf(span.attributes),
            events: (span.events ?? []).map((event: any) => ({ name: event.name, attributes: attributesOf(event.attributes) })),
            links: (span.links ?? []).map((link: any) => ({ traceId: link.traceId, spanId: link.spanId })),
          })
        }
      }
    }
  }

  protected collectMetrics(body: any): void {
    for (const resourceMetrics of body.resourceMetrics ?? []) {
      const service = String(attributesOf(resourceMetrics.resource?.attributes)["service.name"] ?? "")
      for (const scopeMetrics of resourceMetrics.scopeMetrics ?? []) {
        for (const metric of scopeMetrics.metrics ?? []) {
          const type = metric.sum ? "sum" : metric.gauge ? "gauge" : metric.histogram ? "histogram" : null
          if (!type) continue
          for (const point of metric[type].dataPoints ?? []) {
            const value = type === "histogram" ? Number(point.count) : Number(point.asDouble ?? point.asInt ?? 0)
            this.points.push({ service, name: metric.name, unit: metric.unit ?? "", type, attributes: attributesOf(point.attributes), value })
          }
        }
      }
    }
  }

  /** The latest exported data point of a metric with these attributes (cumulative sums: the total so far). */
  latest(name: string, attributes: Record<string, unknown> = {}): ReceivedPoint | undefined {
    return this.points
      .filter((point) => point.name === name && Object.entries(attributes).every(([key, value]) => point.attributes[key] === value))
      .at(-1)
  }

  trace(traceId: string): ReceivedSpan[] {
    return this.spans.filter((span) => span.traceId === traceId)
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server_.once("error", reject)
      this.server_.listen(0, "127.0.0.1", () => resolve((this.server_.address() as AddressInfo).port))
    })
  }

  close(): Promise<void> {
    this.server_.closeAllConnections()
    return new Promise((resolve) => this.server_.close(() => resolve()))
  }
}

/** The spans of a trace as an indented tree: name, service, duration, status; for logs and the README. */
export function renderTrace(spans: ReceivedSpan[]): string {
  const ids = new Set(spans.map((span) => span.spanId))
  const lines: string[] = []
  const walk = (span: ReceivedSpan, depth: number) => {
    const ms = Number(span.endNs - span.startNs) / 1e6
    const status = span.statusCode === 2 ? " ERROR" : ""
    lines.push(`${"  ".repeat(depth)}${span.name} [${span.service}] ${span.spanId} ← ${span.parentSpanId || "-"} ${ms.toFixed(1)} ms${status}`)
    spans
      .filter((child) => child.parentSpanId === span.spanId)
      .sort((a, b) => (a.startNs < b.startNs ? -1 : 1))
      .forEach((child) => walk(child, depth + 1))
  }
  spans
    .filter((span) => !span.parentSpanId || !ids.has(span.parentSpanId))
    .sort((a, b) => (a.startNs < b.startNs ? -1 : 1))
    .forEach((root) => walk(root, 0))
  return lines.join("\n")
}
