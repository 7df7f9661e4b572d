/**
 * The development and test store's OpenTelemetry set-up, as a store adds it (README,
 * "Observability"): Medusa's `registerOtel` with an OTLP/HTTP exporter. Off unless
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT names a collector (the process-level tracing test starts one).
 */
export function register() {
  const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
  if (!endpoint) {
    return
  }
  const { registerOtel } = require("@medusajs/medusa")
  const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-http")
  registerOtel({
    serviceName: process.env.OTEL_SERVICE_NAME ?? "medusa-async-fulfilment-dev",
    exporter: new OTLPTraceExporter({ url: endpoint }),
    instrument: { http: true, workflows: true, query: false, db: false },
  })
}
