import { context, propagation, type Span, SpanKind, SpanStatusCode } from "@opentelemetry/api"
import { inSpan } from "./in-span"
import { SPAN_NAMES } from "./tracer"

function serverOf(url: string): { address: string; port: number } {
  const parsed = new URL(url)
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === "https:" ? 443 : 80
  return { address: parsed.hostname, port }
}

/**
 * An HTTP CLIENT span (`POST`, as the HTTP semantic conventions name it) around one request:
 * method, server address and port, the response's status code; a 5xx or no answer is an error.
 * `send` gets the headers to add (the W3C traceparent, so the server may join the trace).
 * The URL's path and query are left out: they may hold a token.
 */
export function traceHttpClientRequest<T extends { status: number }>(
  method: string,
  url: string,
  send: (traceHeaders: Record<string, string>) => Promise<T>
): Promise<T> {
  const server = serverOf(url)
  return inSpan(
    method,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "http.request.method": method,
        "server.address": server.address,
        "server.port": server.port,
      },
    },
    async (span) => {
      const headers: Record<string, string> = {}
      if (span.isRecording()) {
        propagation.inject(context.active(), headers)
      }
      const response = await send(headers)
      span.setAttribute("http.response.status_code", response.status)
      if (response.status >= 500) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${response.status}` })
        span.setAttribute("error.type", String(response.status))
      }
      return response
    }
  )
}

/** The SMTP submission of one mail as a CLIENT span: the server, never a recipient. */
export function traceSmtpSend<T>(server: { host?: unknown; port?: unknown } | undefined, send: (span: Span) => Promise<T>): Promise<T> {
  return inSpan(
    SPAN_NAMES.smtpSend,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "network.protocol.name": "smtp",
        ...(typeof server?.host === "string" ? { "server.address": server.host } : {}),
        ...(typeof server?.port === "number" ? { "server.port": server.port } : {}),
      },
    },
    send
  )
}
