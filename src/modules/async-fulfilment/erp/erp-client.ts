import type { ErpOrderDocument } from "./build-erp-document"
import type { ErpCreditNoteDocument } from "./build-erp-credit-note"
import type { ErpOrderCanceledDocument } from "./build-erp-order-canceled"
import { describeEndpoint } from "./describe-endpoint"
import { ErpRejectedError } from "../errors/erp-rejected-error"
import { ErpRetryableError } from "../errors/erp-retryable-error"
import { ErpResponseTooLargeError } from "../errors/erp-response-too-large-error"
import { quoteRemoteText } from "../redact/quote-remote-text"
import { type CappedBody, readCappedBody } from "./read-capped-body"
import { parseRetryAfterMs } from "./parse-retry-after"
import { isRetryableErpStatus } from "../retry-policy"
import { traceHttpClientRequest } from "../tracing/client-spans"
import { ERP_IDEMPOTENCY_HEADER, ERP_SIGNATURE_HEADER, signErpBody } from "./sign-erp-request"

export const ERP_USER_AGENT = "medusa-plugin-async-fulfilment"

/** what is read of a response; beyond it the download is cancelled */
export const ERP_RESPONSE_MAX_BYTES = 64 * 1024
// ≤ 1.5 KiB in UTF-8: the excerpt goes into last_error, error_history, BullMQ's failed reason and the log
const BODY_EXCERPT_MAX_CHARS = 500

export interface ErpClientOptions {
  url: string
  secret: string
  timeoutMs: number
  /** defaults to Node's global fetch (undici, keep-alive connections) */
  fetchImpl?: typeof fetch
}

export interface ErpSendResult {
  status: number
  /** the ERP's id for the document: body.id ?? body.reference, null when absent */
  reference: string | null
  /** parsed JSON, or the raw text when the ERP answered with something else */
  body: unknown
}

/** Posts signed order documents to the ERP webhook and sorts failures into retry / give up. */
export class ErpClient {
  private readonly endpoint: string

  constructor(private readonly opts: ErpClientOptions) {
    assertUsableUrl(opts.url)
    this.endpoint = describeEndpoint(opts.url)
  }

  async send(doc: ErpOrderDocument | ErpCreditNoteDocument | ErpOrderCanceledDocument, idempotencyKey: string): Promise<ErpSendResult> {
    const body = JSON.stringify(doc)
    const { header: signature } = signErpBody(body, this.opts.secret, Math.floor(Date.now() / 1000), idempotencyKey)
    const fetchImpl = this.opts.fetchImpl ?? fetch

    let response: Response
    let answer: CappedBody
    try {
      ;({ response, answer } = await traceHttpClientRequest("POST", this.opts.url, async (traceHeaders) => {
        const response = await fetchImpl(this.opts.url, {
          method: "POST",
          headers: {
            ...traceHeaders,
            "content-type": "application/json",
            accept: "application/json",
            "user-agent": ERP_USER_AGENT,
            [ERP_IDEMPOTENCY_HEADER]: idempotencyKey,
            [ERP_SIGNATURE_HEADER]: signature,
          },
          body,
          // A redirect would replay the signed body to wherever it points; treat it as a misconfiguration.
          redirect: "manual",
          // Covers the body download as well as the response headers.
          signal: AbortSignal.timeout(this.opts.timeoutMs),
        })
        return { status: response.status, response, answer: await readCappedBody(response, ERP_RESPONSE_MAX_BYTES) }
      }))
    } catch (error) {
      throw this.transportError(error)
    }

    const { text, truncated } = answer
    if (response.status >= 200 && response.status < 300) {
      if (truncated) {
        throw new ErpResponseTooLargeError(
          `ERP response too large: more than ${ERP_RESPONSE_MAX_BYTES / 1024} KiB (HTTP ${response.status}) from ${this.endpoint}; not read beyond it`,
          { status: response.status, maxBytes: ERP_RESPONSE_MAX_BYTES }
        )
      }
      const parsed = parseJson(text)
      return {
        status: response.status,
        reference: readReference(parsed),
        body: parsed === undefined ? text : parsed,
      }
    }
    throw this.statusError(response, text)
  }

  private statusError(response: Response, text: string): Error {
    const status = response.status
    if (isRetryableErpStatus(status)) {
      return new ErpRetryableError(`ERP answered HTTP ${status} from ${this.endpoint}`, {
        status,
        retryAfterMs: parseRetryAfterMs(response.headers.get("retry-after")),
      })
    }
    const what = status >= 300 && status < 400 ? "redirected (not followed)" : "rejected"
    return new ErpRejectedError(`ERP ${what} the order document: HTTP ${status} from ${this.endpoint}`, {
      status,
      bodyExcerpt: quoteRemoteText(text, BODY_EXCERPT_MAX_CHARS),
    })
  }

  /** The raw error is not attached: undici messages may quote the full URL, query string included. */
  private transportError(error: unknown): ErpRetryableError {
    const name = (error as { name?: string } | null)?.name
    if (name === "TimeoutError" || name === "AbortError") {
      return new ErpRetryableError(
        `ERP request timeout after ${this.opts.timeoutMs} ms (no status) to ${this.endpoint}`
      )
    }
    return new ErpRetryableError(
      `ERP request network error (no status, ${networkErrorCode(error)}) to ${this.endpoint}`
    )
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function readReference(body: unknown): string | null {
  if (!body || typeof body !== "object") {
    return null
  }
  const { id, reference } = body as { id?: unknown; reference?: unknown }
  const value = id ?? reference
  return typeof value === "string" || typeof value === "number" ? String(value) : null
}

/** undici wraps socket errors: `TypeError: fetch failed` with the errno on `cause.code`. */
function networkErrorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause
  return typeof cause?.code === "string" ? cause.code : "connection failed"
}

/** Fails at start-up rather than on every queue job: fetch refuses URLs with user:password. */
function assertUsableUrl(url: string): void {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new TypeError("ERP url is not a valid URL")
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new TypeError(`ERP url must use http or https, not ${parsed.protocol}`)
  }
  if (parsed.username || parsed.password) {
    throw new TypeError("ERP url must not contain credentials; the request is signed with the secret")
  }
}
