import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import type { AlertBatch } from "../alert-batch"
import { type AlertChannel, deliverAlert } from "../deliver-alert"
import { alertRaisedEventData } from "../alert-event"

const batch: AlertBatch = {
  kind: "erp",
  failed: 2,
  order_ids: ["order_1", "order_2"],
  last_error: "HTTP 422",
  waiting_checks: 0,
  oldest_waiting_seconds: null,
  waiting: null,
  first_at: "2026-12-02T07:00:00.000Z",
  last_at: "2026-12-02T07:00:05.000Z",
}

/** A real webhook receiver that answers `status` and counts the POSTs. */
async function webhookAnswering(status: () => number): Promise<{ url: string; posts: unknown[]; server: Server }> {
  const posts: unknown[] = []
  const server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      posts.push(JSON.parse(body))
      res.writeHead(status()).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`, posts, server }
}

describe("deliverAlert", () => {
  it("hands the alert to the admin feed once, even when the webhook makes it retry", async () => {
    let status = 503
    const webhook = await webhookAnswering(() => status)
    const announced: AlertBatch[] = []
    const delivered: AlertChannel[] = []
    const destinations = { webhookUrl: webhook.url, mailer: null, announce: async (alert: AlertBatch) => void announced.push(alert) }
    const record = async (channel: AlertChannel) => void delivered.push(channel)
    try {
      await expect(deliverAlert(batch, destinations, delivered, record)).rejects.toThrow("alert webhook answered HTTP 503")
      status = 204
      await deliverAlert(batch, destinations, delivered, record)
    } finally {
      webhook.server.close()
    }
    expect(announced).toEqual([batch])
    expect(webhook.posts).toHaveLength(2)
    expect(delivered.sort()).toEqual(["admin_feed", "webhook"])
  })

  it("retries the admin feed when the event bus refused it", async () => {
    const delivered: AlertChannel[] = []
    let refuse = true
    const announce = async () => {
      if (refuse) throw new Error("event bus down")
    }
    await expect(deliverAlert(batch, { mailer: null, announce }, delivered, async (c) => void delivered.push(c))).rejects.toThrow(
      "alert not handed to the admin feed: event bus down"
    )
    refuse = false
    await deliverAlert(batch, { mailer: null, announce }, delivered, async (c) => void delivered.push(c))
    expect(delivered).toEqual(["admin_feed"])
  })

  it("gives the feed the alert's headline and text, ids only", () => {
    const data = alertRaisedEventData(batch)
    expect(data.title).toBe("async-fulfilment: 2 erp jobs failed for good")
    expect(data.description).toContain("orders: order_1, order_2")
    expect(data).toMatchObject({ kind: "erp", failed: 2, first_at: batch.first_at })
  })
})
