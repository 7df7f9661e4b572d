import { parseAsyncFulfilmentOptions } from "../../options"
import { buildJobOptions } from "../job-options"
import { SIDE_EFFECT_BACKOFF_TYPE } from "../../retry-policy"
import { buildSideEffectFlows } from "../side-effect-flow"
import { readSideEffectPayload } from "../payload"
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

  it("enqueues only the kinds asked for", () => {
    expect(buildSideEffectFlows({ ...input, kinds: ["mail"] }, options).map((flow) => flow.name)).toEqual(["mail"])
    expect(buildSideEffectFlows({ ...input, kinds: ["invoice"] }, options).map((flow) => flow.name)).toEqual(["invoice"])
    expect(buildSideEffectFlows({ ...input, kinds: [] }, options)).toEqual([])
  })
})

describe("readSideEffectPayload", () => {
  const payload = { schema_version: 1, kind: "mail", order_id: "order_1", correlation_id: "order_1", event_id: null }

  it("accepts a well-formed payload of the queue's kind", () => {
    expect(readSideEffectPayload(payload, "mail")).toEqual({ payload })
  })

  it.each([
    [{ ...payload, schema_version: 2 }, "schema_version"],
    [{ ...payload, order_id: "" }, "order_id"],
    [{ ...payload, secret: "x" }, "secret"],
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
