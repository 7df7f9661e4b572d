import { parseAsyncFulfilmentOptions } from "../parse-options"
import { TEST_SELLER } from "./__fixtures__/test-seller"

const valid = {
  redisUrl: "redis://127.0.0.1:6379/2",
  smtp: { host: "smtp.example.com", port: 587, from: "Shop <orders@shop.example>" },
  erp: { url: "https://erp.example.com/api/orders", secret: "0123456789abcdef0123" },
  invoice: { seller: TEST_SELLER },
}

const messageFor = (options: unknown) => {
  try {
    parseAsyncFulfilmentOptions(options)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error("the options were accepted")
}

describe("alerts options", () => {
  it("are off unless given, and fill their defaults when given", () => {
    expect(parseAsyncFulfilmentOptions(valid).alerts).toBeUndefined()
    const { alerts } = parseAsyncFulfilmentOptions({ ...valid, alerts: { webhookUrl: "https://hooks.slack.com/services/T/B/x" } })
    expect(alerts).toEqual({ webhookUrl: "https://hooks.slack.com/services/T/B/x", minIntervalSeconds: 600, groupWaitSeconds: 30 })
  })

  it("take one address or several for mailTo, always as a list", () => {
    expect(parseAsyncFulfilmentOptions({ ...valid, alerts: { mailTo: "ops@shop.example" } }).alerts?.mailTo).toEqual(["ops@shop.example"])
    expect(parseAsyncFulfilmentOptions({ ...valid, alerts: { mailTo: ["a@shop.example", "b@shop.example"] } }).alerts?.mailTo).toHaveLength(2)
  })

  it("name each wrong field", () => {
    expect(messageFor({ ...valid, alerts: {} })).toContain("`alerts`: needs webhookUrl or mailTo")
    expect(messageFor({ ...valid, alerts: { webhookUrl: "http://hooks.example.com/x" } })).toContain(
      "`alerts.webhookUrl`: must be an https:// URL (http:// only to a loopback host)"
    )
    expect(messageFor({ ...valid, alerts: { mailTo: "ops at shop" } })).toContain("`alerts.mailTo`")
    expect(messageFor({ ...valid, alerts: { mailTo: "ops@shop.example", minIntervalSeconds: 0 } })).toContain("`alerts.minIntervalSeconds`")
    expect(messageFor({ ...valid, alerts: { mailTo: "ops@shop.example", oldestWaitingSeconds: 1 } })).toContain("`alerts.oldestWaitingSeconds`")
    expect(messageFor({ ...valid, alerts: { mailTo: "ops@shop.example", webhook: "https://x.example" } })).toContain("`alerts`")
  })

  it("accept http:// to a loopback webhook and refuse mailTo without smtp", () => {
    expect(parseAsyncFulfilmentOptions({ ...valid, alerts: { webhookUrl: "http://127.0.0.1:9999/alerts" } }).alerts?.webhookUrl).toBe(
      "http://127.0.0.1:9999/alerts"
    )
    const { smtp: _none, ...withoutSmtp } = valid
    expect(messageFor({ ...withoutSmtp, alerts: { mailTo: "ops@shop.example" } })).toContain(
      "`alerts.mailTo`: needs the `smtp` option"
    )
  })
})
