import type { IncomingMessage, ServerResponse } from "http"
import { ErpStub } from "../../../dev-support/erp-stub"

export interface ErpDocumentRecord {
  idempotencyKey: string
  orderId: string | null
  reference: string
  /** how many requests carried this key: 1 + the repeats the ERP deduplicated */
  deliveries: number
}

/**
 * The ERP stub of the fixtures, made to behave like a slow, idempotent ERP:
 *
 * - it *processes* a request as soon as it has read it (a new Idempotency-Key creates a document
 *   and answers 201 with a fresh reference; a key it has seen answers 200 with the same reference
 *   and creates nothing), then holds the answer back for a random `delayMs` before sending it.
 *   A worker killed during that delay leaves a document the ERP has but the worker never heard of,
 *   the case an idempotency key exists for.
 * - answers the client was no longer there to receive are counted in `lostAnswers`.
 *
 * The fixture is left as it is: this wraps its request listener and uses its `respondWith` hook.
 */
export class SlowIdempotentErp extends ErpStub {
  readonly documents = new Map<string, ErpDocumentRecord>()
  lostAnswers = 0
  protected inFlight_ = 0

  constructor(readonly delayMs: { min: number; max: number }) {
    super()
    const [fixtureListener] = this.server_.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[]
    this.server_.removeAllListeners("request")
    this.server_.on("request", (req: IncomingMessage, res: ServerResponse) => {
      this.inFlight_++
      let clientGone = false
      res.on("close", () => {
        clientGone = !res.writableFinished
      })
      // the fixture answers synchronously once it has read the body; the answer waits here
      const writeHead = res.writeHead.bind(res)
      const end = res.end.bind(res)
      let headArgs: unknown[] = []
      res.writeHead = ((...args: unknown[]) => {
        headArgs = args
        return res
      }) as typeof res.writeHead
      res.end = ((...args: unknown[]) => {
        setTimeout(() => {
          this.inFlight_--
          if (clientGone || res.destroyed) {
            this.lostAnswers++
            return
          }
          ;(writeHead as (...a: unknown[]) => void)(...headArgs)
          ;(end as (...a: unknown[]) => void)(...args)
        }, this.nextDelay())
        return res
      }) as typeof res.end
      fixtureListener.call(this.server_, req, res)
    })
    this.respondWith((call) => {
      const key = call.idempotencyKey
      if (!key) {
        return { status: 400, body: { error: "Idempotency-Key required" } }
      }
      const known = this.documents.get(key)
      if (known) {
        known.deliveries++
        return { status: 200, body: { id: known.reference, duplicate: true } }
      }
      const record: ErpDocumentRecord = {
        idempotencyKey: key,
        orderId: call.body?.order_id ?? null,
        reference: `ERP-${String(this.documents.size + 1).padStart(5, "0")}`,
        deliveries: 1,
      }
      this.documents.set(key, record)
      return { status: 201, body: { id: record.reference } }
    })
  }

  /** requests read but not yet answered */
  get inFlight(): number {
    return this.inFlight_
  }

  /** repeats of a key the ERP already had: deliveries it deduplicated */
  get duplicateDeliveries(): number {
    return [...this.documents.values()].reduce((sum, doc) => sum + doc.deliveries - 1, 0)
  }

  protected nextDelay(): number {
    return Math.round(this.delayMs.min + Math.random() * (this.delayMs.max - this.delayMs.min))
  }
}
