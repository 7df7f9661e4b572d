/**
 * The development and test store's OpenTelemetry set-up, as a store adds it (README,
 * "Observability"): Medusa's `registerOtel` with OTLP/HTTP exporters for traces and metrics. Off unless
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT names a collector (the process-level tracing test starts one).
 */
export function register() {
  const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
  if (!endpoint) {
    return
  }
  const { registerOtel } = require("@medusajs/medusa")
  const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-http")
  const { OTLPMetricExporter } = require("@opentelemetry/exporter-metrics-otlp-http")
  const { metrics } = require("@opentelemetry/sdk-node")
  const metricsEndpoint = process.env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT
  registerOtel({
    serviceName: process.env.OTEL_SERVICE_NAME ?? "medusa-async-fulfilment-dev",
    exporter: new OTLPTraceExporter({ url: endpoint }),
    instrument: { http: true, workflows: true, query: false, db: false },
    // the plugin's metrics (messaging.process.duration, async_fulfilment.*) through the same SDK
    ...(metricsEndpoint
      ? {
          metricReaders: [
            new metrics.PeriodicExportingMetricReader({
              exporter: new OTLPMetricExporter({ url: metricsEndpoint }),
              exportIntervalMillis: Number(process.env.OTEL_METRIC_EXPORT_INTERVAL ?? 60_000),
            }),
          ],
        }
      : {}),
  })
}
