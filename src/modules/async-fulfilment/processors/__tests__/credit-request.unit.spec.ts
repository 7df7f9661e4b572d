import { AwaitingDependencyError } from "../../errors/awaiting-dependency-error"
import { PermanentSideEffectError } from "../../errors/permanent-side-effect-error"
import type { ProcessorDocuments, SideEffectState } from "../../runtime/processor-documents"
import type { ProcessorRuntime } from "../../runtime/processor-runtime"
import type { SettledCreditRequest } from "../../credit-requests/settle-credit-request"
import type { SideEffectPayload } from "../../queues/payload"
import { processCreditRequestJob } from "../credit-request"

const payload: SideEffectPayload = { schema_version: 1, kind: "invoice", order_id: "order_1", subject: "afcr_1", correlation_id: "order_1", event_id: null }
const request = { id: "afcr_1", order_id: "order_1", outcome: null, credit_note_id: null, absorbed_minor: 0, absorbed_by: null }

/** What Postgres would answer: the order's invoice job and the settlement; records what the processor asked for. */
function runtimeWith(state: SideEffectState | null, settled: SettledCreditRequest) {
  const calls = { closed: [] as string[], enqueued: [] as unknown[] }
  const documents = {
    findSideEffectState: async () => state,
    settleCreditRequest: async () => settled,
    closeCreditRequestNotInvoiced: async (id: string) => {
      calls.closed.push(id)
      return { ...request, outcome: "not_invoiced" }
    },
    enqueueSideEffectFlows: async (flows: unknown[]) => {
      calls.enqueued.push(...flows)
      return []
    },
  } as unknown as ProcessorDocuments
  const logger = { warn: () => undefined }
  return { runtime: { documents, logger } as unknown as ProcessorRuntime, calls }
}

const noInvoice = { state: "no_invoice", request, invoice_number: null } as unknown as SettledCreditRequest

describe("processCreditRequestJob", () => {
  it.each(["queued", "active", "held"] as const)("waits for the order's invoice while its job is %s", async (status) => {
    const { runtime, calls } = runtimeWith({ status, next_retry_at: null }, noInvoice)
    await expect(processCreditRequestJob(payload, runtime)).rejects.toBeInstanceOf(AwaitingDependencyError)
    expect(calls.closed).toEqual([])
  })

  it.each([["discarded"], ["no invoice job (invoices off)"]])("has nothing to credit when the order will never be invoiced: %s", async (status) => {
    const { runtime, calls } = runtimeWith(status === "discarded" ? { status: "discarded", next_retry_at: null } : null, noInvoice)
    await expect(processCreditRequestJob(payload, runtime)).resolves.toMatchObject({ outcome: "not_invoiced", credit_note_id: null })
    expect(calls.closed).toEqual(["afcr_1"])
  })

  it("fails for good, saying what to do, when the invoice job failed or the invoice has no model", async () => {
    const failed = runtimeWith({ status: "failed", next_retry_at: null }, noInvoice)
    await expect(processCreditRequestJob(payload, failed.runtime)).rejects.toThrow(PermanentSideEffectError)
    await expect(processCreditRequestJob(payload, failed.runtime)).rejects.toThrow("retry this job once the invoice is issued")
    const legacy = runtimeWith({ status: "completed", next_retry_at: null }, { ...noInvoice, invoice_number: "INV-1" } as SettledCreditRequest)
    await expect(processCreditRequestJob(payload, legacy.runtime)).rejects.toThrow("has no stored model")
  })

  it("enqueues the jobs of the credit note it issued, and nothing on a repeat", async () => {
    const creditNote = { id: "afcn_1", number: "CN-2026-000001" }
    const issued = { state: "settled", request: { ...request, outcome: "credited", credit_note_id: "afcn_1" }, credit_note: creditNote, created_kinds: ["invoice", "mail", "erp"] }
    const first = runtimeWith({ status: "completed", next_retry_at: null }, issued as unknown as SettledCreditRequest)
    await expect(processCreditRequestJob(payload, first.runtime)).resolves.toEqual({
      outcome: "credited", credit_note_id: "afcn_1", credit_note_number: "CN-2026-000001", absorbed_minor: 0, absorbed_by: null,
    })
    expect(first.calls.enqueued).toEqual([{ order_id: "order_1", subject: "afcn_1", event_id: null, kinds: ["invoice", "mail", "erp"] }])
    const repeat = runtimeWith({ status: "completed", next_retry_at: null }, { ...issued, created_kinds: [] } as unknown as SettledCreditRequest)
    await processCreditRequestJob(payload, repeat.runtime)
    expect(repeat.calls.enqueued).toEqual([])
  })
})
