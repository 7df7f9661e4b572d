import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { prepareTestEnv } from "../helpers/test-env"
import { anna, useStoreSession } from "../helpers/store-session"
import { readPdfText } from "../helpers/read-pdf-text"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { verifyErpSignature } from "../../src/modules/async-fulfilment/erp/sign-erp-request"
import { waitFor } from "../../dev-support/wait-for"
import { placedOrderBatcher } from "../../src/workflows"
import { startScheduleSpan } from "../../src/modules/async-fulfilment/tracing"

const testEnv = prepareTestEnv("pipeline")
jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    const { smtp, erp, service, rowsOf, rowOf, settled, mailsTo } = session

    it("turns a storefront checkout into an invoice PDF, a mail with it attached and one signed ERP call", async () => {
      const order = await session.placeOrder(anna)
      const rows = await settled(order.id)
      expect(rows.map((row) => [row.kind, row.status, row.attempts]).sort()).toEqual([
        ["erp", "completed", 1],
        ["invoice", "completed", 1],
        ["mail", "completed", 1],
      ])

      const invoice = await service().findInvoice(order.id)
      expect(invoice?.number).toMatch(/^INV-\d{4}-\d{6}$/)
      const pdf = await getContainer().resolve(Modules.FILE).getAsBuffer(invoice!.file_id!)
      const text = await readPdfText(pdf)
      expect(text).toContain(invoice!.number)
      expect(text).toContain("Anna Nowak")
      expect(text).toContain("ul. Długa 12/3")
      expect(text).toContain("Kraków")
      expect(text).toContain("Standing desk")
      const formattedTotal = new Intl.NumberFormat("en", { style: "currency", currency: "PLN" })
        .format(order.total)
        .replace(/\u00a0|\u202f/g, " ")
      expect(text).toContain(formattedTotal)

      const mails = mailsTo(order.id)
      expect(mails).toHaveLength(1)
      expect(mails[0].envelopeTo).toEqual([anna.email])
      expect(mails[0].parsed.subject).toContain(invoice!.number)
      // the storefront page that downloads the invoice through GET /store/orders/:id/invoice
      expect(mails[0].parsed.html).toContain(`href="https://shop.example/account/orders/${order.id}"`)
      expect(mails[0].parsed.text).toContain(`https://shop.example/account/orders/${order.id}`)
      const [attachment] = mails[0].parsed.attachments
      expect(attachment.contentType).toBe("application/pdf")
      expect(Buffer.compare(attachment.content, pdf)).toBe(0)

      const calls = erp.callsFor(order.id)
      expect(calls).toHaveLength(1)
      expect(calls[0].idempotencyKey).toBe(`erp-${order.id}`)
      expect(verifyErpSignature(calls[0].rawBody, calls[0].signature!, testEnv.erpSecret)).toBe(true)
      expect(verifyErpSignature(calls[0].rawBody + " ", calls[0].signature!, testEnv.erpSecret)).toBe(false)
      const idempotencyKey = calls[0].idempotencyKey
      expect(verifyErpSignature(calls[0].rawBody, calls[0].signature!, testEnv.erpSecret, { idempotencyKey })).toBe(true)
      expect(verifyErpSignature(calls[0].rawBody, calls[0].signature!, testEnv.erpSecret, { idempotencyKey: `${idempotencyKey}-new` })).toBe(false)
      expect(calls[0].body).toMatchObject({ order_id: order.id, currency_code: "PLN" })
      expect(Number(calls[0].body.totals.total)).toBeCloseTo(order.total, 2)
      expect((await rowOf(order.id, "erp"))?.result).toMatchObject({
        reference: expect.stringMatching(/^ERP-/),
        invoice_number: invoice!.number,
      })
      // the ERP gets the invoice as issued: its number and the VAT per rate, adding up to the order's total
      const erpInvoice = calls[0].body.invoice
      expect(erpInvoice).toMatchObject({ number: invoice!.number, type_code: "380", paid: true })
      expect(erpInvoice.totals.gross_total).toBe(calls[0].body.totals.total)
      expect(erpInvoice.vat_breakdown).toEqual([
        expect.objectContaining({ category: "S", rate: 23, vat_amount: erpInvoice.totals.vat_total }),
      ])
      expect(erpInvoice.vat_breakdown[0].taxable_amount).toBe(erpInvoice.totals.net_total)
    })

    it("runs the ERP job once, woken by its issued invoice instead of starting early to wait", async () => {
      const order = await session.placeOrder(anna)
      await settled(order.id)
      const erpJob = await service().getQueues().queue("erp").getJob(`erp-${order.id}`)
      // a start that found no invoice yet would have gone back to the delayed set: a second start
      expect(erpJob?.attemptsStarted).toBe(1)
      // started by the wake, long before its 30 s fallback delay was up
      expect(erpJob!.processedOn! - erpJob!.timestamp).toBeLessThan(2_000)
    })

    it("holds the ERP document until the invoice is issued, without using an ERP attempt", async () => {
      const invoiceQueue = service().getQueues().queue("invoice")
      await invoiceQueue.pause()
      let order: { id: string }
      try {
        order = await session.placeOrder(anna)
        const erpQueue = service().getQueues().queue("erp")
        // it starts delayed (the invoice wakes it); its fallback delay runs out (here: now), it looks and waits again
        await waitFor("the ERP job in the delayed set", async () => ((await erpQueue.getJobState(`erp-${order.id}`)) === "delayed" ? true : null))
        await (await erpQueue.getJob(`erp-${order.id}`))!.promote()
        await waitFor("the ERP job to wait for the invoice", async () =>
          (await erpQueue.getJobState(`erp-${order.id}`)) === "delayed" && (await rowOf(order.id, "erp"))?.next_retry_at ? true : null
        )
        expect(erp.callsFor(order.id)).toHaveLength(0)
        expect((await erpQueue.getJob(`erp-${order.id}`))?.attemptsMade).toBe(0)
        expect(await rowOf(order.id, "erp")).toMatchObject({ status: "queued", attempts: 0, last_error: null })
        expect((await rowOf(order.id, "erp"))?.next_retry_at).not.toBeNull()
      } finally {
        await invoiceQueue.resume()
      }
      const rows = await settled(order.id)
      expect(rows.map((row) => [row.kind, row.status, row.attempts]).sort()).toEqual([
        ["erp", "completed", 1],
        ["invoice", "completed", 1],
        ["mail", "completed", 1],
      ])
      const invoice = await service().findInvoice(order.id)
      const calls = erp.callsFor(order.id)
      expect(calls).toHaveLength(1)
      expect(calls[0].body.invoice.number).toBe(invoice!.number)
    })

    it("sends the ERP document without an invoice when the invoice fails for good", async () => {
      // no billing address: the invoice has no buyer (BR-11) and fails at once, the mail with it
      const { result: order } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: session.store.regions.pln,
          email: "no-address@example.com",
          currency_code: "pln",
          items: [{ title: "Desk", quantity: 1, unit_price: 100 }],
        },
      })
      await getContainer().resolve(Modules.EVENT_BUS).emit([{ name: "order.placed", data: { id: order.id } }])
      const rows = await settled(order.id)
      expect(rows.map((row) => [row.kind, row.status]).sort()).toEqual([
        ["erp", "completed"],
        ["invoice", "failed"],
        ["mail", "failed"],
      ])
      const calls = erp.callsFor(order.id)
      expect(calls).toHaveLength(1)
      expect(calls[0].body).toMatchObject({ order_id: order.id, invoice: null })
      expect((await rowOf(order.id, "erp"))?.result).toMatchObject({ invoice_number: null })
    })

    it("retries the ERP call after two 503s and delivers it once, on the third attempt", async () => {
      let refusals = 0
      erp.respondWith((call) => (call.body?.customer?.email === "erp-flaky@example.com" && refusals++ < 2 ? { status: 503 } : { status: 201, body: { id: "ERP-FLAKY" } }))
      const order = await session.placeOrder({ ...anna, email: "erp-flaky@example.com" })
      await settled(order.id)
      const row = await rowOf(order.id, "erp")
      expect(row).toMatchObject({ status: "completed", attempts: 3 })
      expect(row?.error_history).toHaveLength(2)
      expect(erp.callsFor(order.id).map((call) => call.status)).toEqual([503, 503, 201])
      expect(new Set(erp.callsFor(order.id).map((call) => call.idempotencyKey)).size).toBe(1)
    })

    it("fails an ERP call answered 422 at once, keeping the reason in the row and the failed set", async () => {
      erp.respondWith((call) =>
        call.body?.customer?.email === "erp-rejects@example.com"
          ? { status: 422, body: { error: "unknown tax code" } }
          : { status: 201, body: { id: "ERP-OK" } }
      )
      const order = await session.placeOrder({ ...anna, email: "erp-rejects@example.com" })
      await settled(order.id)
      const row = await rowOf(order.id, "erp")
      expect(row).toMatchObject({ status: "failed", attempts: 1 })
      expect(row?.last_error).toContain("422")
      expect(row?.last_error).toContain("unknown tax code")
      expect(erp.callsFor(order.id)).toHaveLength(1)

      const failed = await service().getQueues().queue("erp").getFailed()
      expect(failed.map((job) => job.id)).toContain(`erp-${order.id}`)
      expect((await rowOf(order.id, "invoice"))?.status).toBe("completed")
    })

    it("retries a mail the SMTP server refused and delivers it once", async () => {
      smtp.refuseNext(1)
      const order = await session.placeOrder(anna)
      await settled(order.id)
      const row = await rowOf(order.id, "mail")
      expect(row).toMatchObject({ status: "completed", attempts: 2 })
      expect(row?.last_error).toBeNull()
      expect(mailsTo(order.id)).toHaveLength(1)
    })

    it("runs every side effect once when order.placed arrives three times", async () => {
      const order = await session.placeOrder(anna)
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      await eventBus.emit([
        { name: "order.placed", data: { id: order.id } },
        { name: "order.placed", data: { id: order.id } },
      ])
      await settled(order.id)
      // let the repeated events run to the end before counting
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      await settled(order.id)

      const invoices = await service().listInvoices({ order_id: order.id })
      expect(invoices).toHaveLength(1)
      expect(await rowsOf(order.id)).toHaveLength(3)
      expect(mailsTo(order.id)).toHaveLength(1)
      expect(erp.callsFor(order.id)).toHaveLength(1)
    })

    /** An order Medusa created without `order.placed` (createOrderWorkflow), which the plugin has not heard of yet. */
    const createUnannouncedOrder = async (email: string) =>
      (
        await createOrderWorkflow(getContainer()).run({
          input: {
            region_id: session.store.regions.pln,
            email,
            currency_code: "pln",
            billing_address: { first_name: "Ola", last_name: "Burst", address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: "pl" },
            items: [{ title: "Desk", quantity: 1, unit_price: 100 }],
          },
        })
      ).result

    it("schedules the orders of a burst together, in fewer transactions than orders, and each order once", async () => {
      const orders = await Promise.all(Array.from({ length: 10 }, (_, i) => createUnannouncedOrder(`burst-${i}@example.com`)))
      const ids = orders.map(({ id }) => id)
      // one emit, as a burst of checkouts leaves them in the event bus; three orders' events twice
      await getContainer()
        .resolve(Modules.EVENT_BUS)
        .emit([...ids, ...ids.slice(0, 3)].map((id) => ({ name: "order.placed", data: { id } })))
      for (const id of ids) {
        expect((await settled(id)).map((row) => row.status)).toEqual(["completed", "completed", "completed"])
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000))

      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      // rows written in one transaction share its now(): one created_at per batch
      const batches: { orders: string }[] = await knex.raw(
        `SELECT count(DISTINCT order_id) AS orders FROM af_side_effect_job WHERE order_id = ANY(?) GROUP BY created_at`,
        [ids]
      ).then((result: { rows: { orders: string }[] }) => result.rows)
      expect(batches.reduce((sum, { orders }) => sum + Number(orders), 0)).toBe(ids.length)
      expect(batches.length).toBeLessThan(ids.length)
      expect(Math.max(...batches.map(({ orders }) => Number(orders)))).toBeGreaterThan(1)

      const invoices = await service().listInvoices({ order_id: ids })
      expect(new Set(invoices.map(({ number }) => number)).size).toBe(ids.length)
      for (const id of ids) {
        expect(await rowsOf(id)).toHaveLength(3)
        expect(mailsTo(id)).toHaveLength(1)
        expect(erp.callsFor(id)).toHaveLength(1)
      }
    })

    it("fails alone the order of a batch it cannot schedule: the others are recorded and run", async () => {
      const [first, second] = await Promise.all([createUnannouncedOrder("batch-a@example.com"), createUnannouncedOrder("batch-b@example.com")])
      const batcher = placedOrderBatcher(getContainer(), 100)
      const placed = (orderId: string) => ({ order_id: orderId, event_id: null, span: startScheduleSpan(orderId, undefined) })
      // added in one tick: one batch
      const outcomes = await Promise.allSettled([
        batcher.add(placed(first.id)),
        batcher.add(placed("order_01NEVERPLACED0000000000000")),
        batcher.add(placed(second.id)),
      ])
      expect(outcomes.map(({ status }) => status)).toEqual(["fulfilled", "rejected", "fulfilled"])
      expect(String((outcomes[1] as PromiseRejectedResult).reason?.message)).toMatch(/not found/i)
      for (const order of [first, second]) {
        expect((await settled(order.id)).map((row) => row.status)).toEqual(["completed", "completed", "completed"])
        expect(mailsTo(order.id)).toHaveLength(1)
      }
      expect(await rowsOf("order_01NEVERPLACED0000000000000")).toEqual([])
    })
  },
})
