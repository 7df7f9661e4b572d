import { parseAsyncFulfilmentOptions } from "../../options"
import { buildJobOptions } from "../job-options"
import { SIDE_EFFECT_BACKOFF_TYPE } from "../../retry-policy"
import { buildSideEffectFlows } from "../side-effect-flow"
import { readSideEffectPayload } from "../payload"
import { sideEffectJobId } from "../names"
import { TEST_SELLER } from "../../options/__tests__/__fixtures__/test-seller"

const options = parseAsyncFulfilmentOptions({
  redisUrl: "redis://127.0.0.1:6379",
  jobs: { erp: { attempts: 4, backoffMs: 1_000 } },
  smtp: { host: "127.0.0.1", port: 2525, from: "shop@example.com" },
  erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
  invoice: { seller: TEST_SELLER },
})

describe("job options", () => {
  it("retries with exponential backoff up to the configured attempts and keeps failed jobs 30 days", () => {
    expect(buildJobOptions("erp-order_1", options.jobs.erp, options.retention)).toEqual({
      jobId: "erp-order_1",
      attempts: 4,
      backoff: { type: SIDE_EFFECT_BACKOFF_TYPE, delay: 1_000 },
      removeOnComplete: { age: 86_400, count: 1_000 },
      removeOnFail: { age: 30 * 86_400 },
    })
  })

  it("takes the store's retention", () => {
    const retention = { completed: { ageSeconds: 60, count: 5 }, failed: { ageSeconds: 3_600, count: 100 } }
    expect(buildJobOptions("mail-order_1", options.jobs.mail, retention)).toMatchObject({
      removeOnComplete: { age: 60, count: 5 },
      removeOnFail: { age: 3_600, count: 100 },
    })
  })
})

describe("buildSideEffectFlows", () => {
  const input = { order_id: "order_1", event_id: "evt_1", kinds: ["invoice", "mail", "erp"] as const }

  it("makes the mail wait for its invoice and runs the ERP sync beside them", () => {
    const [mail, erp] = buildSideEffectFlows({ ...input, kinds: [...input.kinds] }, options)
    expect(mail).toMatchObject({ name: "mail", queueName: "af-mail", opts: { jobId: "mail-order_1" } })
    expect(mail.children).toHaveLength(1)
    expect(mail.children![0]).toMatchObject({
      name: "invoice",
      queueName: "af-invoice",
      opts: { jobId: "invoice-order_1", failParentOnFailure: true },
    })
    expect(erp).toMatchObject({ name: "erp", queueName: "af-erp", opts: { jobId: "erp-order_1", attempts: 4 } })
    expect(erp.children).toBeUndefined()
  })

  it("carries a versioned payload with the correlation and event ids, and no order data", () => {
    const [, erp] = buildSideEffectFlows({ ...input, kinds: [...input.kinds] }, options)
    expect(erp.data).toEqual({
      schema_version: 1,
      kind: "erp",
      order_id: "order_1",
      correlation_id: "order_1",
      event_id: "evt_1",
    })
  })

  it("keys a credit note's jobs by its id: their own job ids, the mail still the parent of its PDF job, the subject in the payload", () => {
    const [mail, erp] = buildSideEffectFlows({ ...input, subject: "afcn_1", kinds: [...input.kinds] }, options)
    expect(mail).toMatchObject({ opts: { jobId: "mail-order_1-afcn_1" }, data: { kind: "mail", subject: "afcn_1" } })
    expect(mail.children![0]).toMatchObject({
      opts: { jobId: "invoice-order_1-afcn_1", failParentOnFailure: true },
      data: { kind: "invoice", subject: "afcn_1" },
    })
    expect(erp).toMatchObject({ opts: { jobId: "erp-order_1-afcn_1" }, data: { kind: "erp", subject: "afcn_1" } })
  })

  it("leaves the subject out of the order's own payloads (as 0.1 wrote them)", () => {
    for (const flow of buildSideEffectFlows({ ...input, subject: "", kinds: [...input.kinds] }, options)) {
      expect(flow.data).not.toHaveProperty("subject")
      expect(flow.opts!.jobId).toBe(`${flow.name}-order_1`)
    }
  })

  it("starts the ERP job delayed when its invoice is added with it (the invoice wakes it), at once when alone", () => {
    const erpWithInvoice = buildSideEffectFlows({ ...input, kinds: ["invoice", "mail", "erp"] }, options).find((flow) => flow.name === "erp")
    expect(erpWithInvoice?.opts?.delay).toBe(30_000)
    const erpAlone = buildSideEffectFlows({ ...input, kinds: ["erp"] }, options)[0]
    expect(erpAlone.opts?.delay).toBeUndefined()
    expect(buildSideEffectFlows({ ...input, kinds: ["invoice", "mail"] }, options)[0].children![0].opts?.delay).toBeUndefined()
  })

  it("enqueues only the kinds asked for", () => {
    expect(buildSideEffectFlows({ ...input, kinds: ["mail"] }, options).map((flow) => flow.name)).toEqual(["mail"])
    expect(buildSideEffectFlows({ ...input, kinds: ["invoice"] }, options).map((flow) => flow.name)).toEqual(["invoice"])
    expect(buildSideEffectFlows({ ...input, kinds: [] }, options)).toEqual([])
  })
})

describe("readSideEffectPayload", () => {
  const payload = { schema_version: 1, kind: "mail", order_id: "order_1", correlation_id: "order_1", event_id: null }

  it("accepts a well-formed payload of the queue's kind; one without a subject (0.1, already in Redis) is the order's own", () => {
    expect(readSideEffectPayload(payload, "mail")).toEqual({ payload: { ...payload, subject: "" } })
  })

  it("reads a credit note's subject", () => {
    expect(readSideEffectPayload({ ...payload, subject: "afcn_1" }, "mail")).toEqual({ payload: { ...payload, subject: "afcn_1" } })
  })

  it.each([
    [{ ...payload, schema_version: 2 }, "schema_version"],
    [{ ...payload, order_id: "" }, "order_id"],
    [{ ...payload, secret: "x" }, "secret"],
    [{ ...payload, subject: "" }, "subject"],
    ["not an object", "(root)"],
  ])("explains why a malformed payload cannot run (%#)", (data, field) => {
    const read = readSideEffectPayload(data, "mail")
    expect("problem" in read && read.problem).toContain(field)
  })

  it("refuses a job of another kind", () => {
    const read = readSideEffectPayload(payload, "erp")
    expect("problem" in read && read.problem).toContain('kind "mail" found in the erp queue')
  })
})

describe("sideEffectJobId", () => {
  it("is <kind>-<order id> for the order's own side effect and <kind>-<order id>-<subject> for a credit note's", () => {
    expect(sideEffectJobId("invoice", "order_1")).toBe("invoice-order_1")
    expect(sideEffectJobId("invoice", "order_1", "")).toBe("invoice-order_1")
    expect(sideEffectJobId("erp", "order_1", "afcn_1")).toBe("erp-order_1-afcn_1")
  })
})
