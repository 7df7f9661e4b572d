import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import IORedis from "ioredis"
import { ASYNC_FULFILMENT_MODULE } from ".."
import type AsyncFulfilmentModuleService from "../service"
import { parseAsyncFulfilmentOptions } from "../options"
import { ErpClient } from "../erp/erp-client"
import { processInvoiceJob } from "../processors/invoice"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import type { ProcessorDocuments } from "../runtime/processor-documents"
import { createDirectoryFileStore, DirectoryFileStore } from "../runtime/__tests__/__fixtures__/directory-file-store"
import { makeOrderDocument } from "./__fixtures__/order-document"
import { TEST_SELLER } from "../options/__tests__/__fixtures__/test-seller"

jest.setTimeout(60_000)

const run = process.env.AF_TEST_RUN_ID ?? `${process.pid}-${Date.now().toString(36)}`
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const queuePrefix = `afif-${run}`
const moduleOptions = {
  redisUrl,
  queuePrefix,
  erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
  invoice: { seller: TEST_SELLER },
}
const RACES = 20

const payloadOf = (orderId: string) => ({
  schema_version: 1 as const,
  kind: "invoice" as const,
  order_id: orderId,
  correlation_id: orderId,
  event_id: null,
})
const silent = { warn: () => undefined, info: () => undefined, error: () => undefined } as unknown as ProcessorRuntime["logger"]

moduleIntegrationTestRunner<AsyncFulfilmentModuleService>({
  moduleName: ASYNC_FULFILMENT_MODULE,
  resolve: "./src/modules/async-fulfilment",
  dbName: `af-module-invoice-files-${run}`,
  moduleOptions,
  testSuite: ({ service }) => {
    const redis = new IORedis(redisUrl)
    let files: DirectoryFileStore

    beforeEach(() => {
      files = createDirectoryFileStore()
    })
    afterEach(() => files.remove())
    afterAll(async () => {
      const leftovers = await redis.keys(`${queuePrefix}:*`)
      await Promise.all(leftovers.map((key) => redis.unlink(key)))
      redis.disconnect()
    })

    /** The processors' runtime on the real module (Postgres); `documents` may be wrapped to fail. */
    const runtimeWith = (documents: ProcessorDocuments): ProcessorRuntime => {
      const options = parseAsyncFulfilmentOptions(moduleOptions)
      return { documents, options, files, mailer: null, erp: new ErpClient(options.erp), logger: silent }
    }
    const realDocuments = (): ProcessorDocuments => ({
      retrieveOrderDocument: (orderId) => service.retrieveOrderDocument(orderId),
      allocateInvoice: (orderId) => service.allocateInvoice(orderId),
      findInvoice: (orderId) => service.findInvoice(orderId),
      recordIssuedInvoice: (invoiceId, issued) => service.recordIssuedInvoice(invoiceId, issued),
    })
    const recordOrder = (orderId: string) =>
      service.recordOrderSideEffects({ document: makeOrderDocument({ order_id: orderId }), event_id: null, kinds: ["invoice"] })

    it("leaves exactly one file in storage when recording the invoice fails once", async () => {
      await recordOrder("order_record_fails")
      const documents = realDocuments()
      let failures = 0
      const failingOnce: ProcessorDocuments = {
        ...documents,
        recordIssuedInvoice: async (invoiceId, issued) => {
          if (failures++ === 0) {
            throw new Error("connection to the database lost while recording the invoice")
          }
          return documents.recordIssuedInvoice(invoiceId, issued)
        },
      }

      await expect(processInvoiceJob(payloadOf("order_record_fails"), runtimeWith(failingOnce))).rejects.toThrow("connection to the database lost")
      expect(files.list()).toEqual([])
      const result = await processInvoiceJob(payloadOf("order_record_fails"), runtimeWith(failingOnce))

      expect(files.list()).toEqual([result.file_id])
      expect((await service.findInvoice("order_record_fails"))?.file_id).toBe(result.file_id)
    })

    it(`keeps one file per invoice when two runs of the same invoice race (${RACES}×): the loser deletes its upload`, async () => {
      for (let i = 0; i < RACES; i++) {
        const orderId = `order_file_race_${i}`
        await recordOrder(orderId)
        const runtime = runtimeWith(realDocuments())

        const [a, b] = await Promise.all([processInvoiceJob(payloadOf(orderId), runtime), processInvoiceJob(payloadOf(orderId), runtime)])

        expect(a).toEqual(b)
        expect((await service.findInvoice(orderId))?.file_id).toBe(a.file_id)
        expect(files.list()).toHaveLength(i + 1)
        expect(files.list()).toContain(a.file_id)
      }
      expect(files.list()).toHaveLength(RACES)
    })
  },
})
