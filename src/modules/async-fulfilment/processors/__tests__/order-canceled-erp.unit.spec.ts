import { AwaitingDependencyError } from "../../errors/awaiting-dependency-error"
import type { ProcessorDocuments, SideEffectState } from "../../runtime/processor-documents"
import type { ProcessorRuntime } from "../../runtime/processor-runtime"
import type { SideEffectPayload } from "../../queues/payload"
import { processOrderCanceledErpJob } from "../order-canceled-erp"

const payload = { schema_version: 1, kind: "erp", order_id: "order_1", subject: "order_canceled", correlation_id: "order_1", event_id: null } as SideEffectPayload

/** The order's own ERP job in the given state; every document the processor would send is kept. */
function runtimeWith(orderErpJob: SideEffectState | null) {
  const sent: { body: unknown; key: string }[] = []
  const documents = {
    findSideEffectState: async (orderId: string, kind: string, subject = "") =>
      orderId === "order_1" && kind === "erp" && subject === "" ? orderErpJob : null,
    retrieveOrderDocument: async () => ({ order_id: "order_1", display_id: 7 }),
  } as unknown as ProcessorDocuments
  const erp = { send: async (body: unknown, key: string) => (sent.push({ body, key }), { status: 201, reference: "ERP-1" }) }
  return { runtime: { documents, erp } as unknown as ProcessorRuntime, sent }
}

describe("processOrderCanceledErpJob", () => {
  it("sends order_canceled once the ERP has the order", async () => {
    const { runtime, sent } = runtimeWith({ status: "completed", next_retry_at: null })
    await expect(processOrderCanceledErpJob(payload, runtime)).resolves.toEqual({ sent: true, status: 201, reference: "ERP-1" })
    expect(sent).toEqual([{ body: expect.objectContaining({ type: "order_canceled", order_id: "order_1" }), key: "erp-order_1-canceled" }])
  })

  it.each(["active", "queued"] as const)("waits while the order document is %s (being sent, or retrying), sending nothing", async (status) => {
    const { runtime, sent } = runtimeWith({ status, next_retry_at: null })
    await expect(processOrderCanceledErpJob(payload, runtime)).rejects.toBeInstanceOf(AwaitingDependencyError)
    expect(sent).toEqual([])
  })

  it.each(["failed", "discarded"] as const)("sends nothing when the order document never reached the ERP (%s)", async (status) => {
    const { runtime, sent } = runtimeWith({ status, next_retry_at: null })
    await expect(processOrderCanceledErpJob(payload, runtime)).resolves.toMatchObject({ sent: false, reason: expect.stringContaining(status) })
    expect(sent).toEqual([])
  })
})
