import { parseActionSubject, resendMailSubject, resyncErpSubject, resyncIdempotencyKey } from "../action-subjects"
import { sideEffectJobId } from "../../queues/names"
import { processorFor, SIDE_EFFECT_PROCESSORS, CREDIT_NOTE_PROCESSORS, ORDER_CANCELED_PROCESSORS } from "../../processors"

describe("the subjects of an admin's resend and resync", () => {
  it("names them per order and n, and reads them back", () => {
    expect(resendMailSubject(2)).toBe("resend-2")
    expect(resyncErpSubject(1)).toBe("resync-1")
    expect(resyncErpSubject(3, "afcn_01ABC")).toBe("resync-3-afcn_01ABC")
    expect(parseActionSubject("resend-2")).toEqual({ action: "resend_mail", n: 2 })
    expect(parseActionSubject("resync-1")).toEqual({ action: "resync_erp", n: 1, credit_note_id: null })
    expect(parseActionSubject("resync-3-afcn_01ABC")).toEqual({ action: "resync_erp", n: 3, credit_note_id: "afcn_01ABC" })
  })

  it("leaves the other subjects alone: the order's own, a credit note's, the cancellation notice, malformed ones", () => {
    for (const subject of ["", "afcn_01ABC", "order_canceled", "resend-0", "resend-x", "resync-", "resend-1-afcn_1"]) {
      expect([subject, parseActionSubject(subject)]).toEqual([subject, null])
    }
  })

  it("gives queue job ids without a colon and the ERP keys erp-<id>-r<n>", () => {
    expect(sideEffectJobId("mail", "order_01", resendMailSubject(1))).toBe("mail-order_01-resend-1")
    expect(sideEffectJobId("erp", "order_01", resyncErpSubject(2, "afcn_9"))).toBe("erp-order_01-resync-2-afcn_9")
    expect(resyncIdempotencyKey("order_01", 2)).toBe("erp-order_01-r2")
    expect(resyncIdempotencyKey("afcn_9", 2)).toBe("erp-afcn_9-r2")
  })

  it("dispatches them to their processors, refusing a kind the action has no job of", async () => {
    expect(processorFor("mail", "")).toBe(SIDE_EFFECT_PROCESSORS.mail)
    expect(processorFor("erp", "afcn_1")).toBe(CREDIT_NOTE_PROCESSORS.erp)
    expect(processorFor("erp", "order_canceled")).toBe(ORDER_CANCELED_PROCESSORS.erp)
    const wrongKind = processorFor("invoice", "resend-1")
    await expect(
      wrongKind(
        { schema_version: 1, kind: "invoice", order_id: "order_01", subject: "resend-1", correlation_id: "order_01", event_id: null },
        {} as any
      )
    ).rejects.toThrow('there is no invoice job for subject "resend-1"')
  })
})
