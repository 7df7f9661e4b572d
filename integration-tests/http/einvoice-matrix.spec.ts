import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { prepareTestEnv } from "../helpers/test-env"
import { useStoreSession } from "../helpers/store-session"
import { createAdminAuthHeaders } from "../helpers/admin-token"
import { mapConcurrently } from "../helpers/map-concurrently"
import { readPdfText } from "../helpers/read-pdf-text"
import { countPdfPages, readPdfAttachments } from "../helpers/pdf-tools"
import { readCiiSummary } from "../helpers/read-cii-summary"
import { MATRIX_CASES, MatrixCase, shopperFor } from "../helpers/einvoice-matrix-cases"
import { expectMatrixOrderDocument, MATRIX_ORDER_FIELDS, MatrixMedusaOrder } from "../helpers/expect-matrix-order-document"
import { expectCiiMatchesOrder, expectPdfTextShows } from "../helpers/expect-matrix-einvoice"
import { seedEinvoiceStore } from "../fixtures/seed-einvoice-store"
import { placeEinvoiceOrder } from "../fixtures/place-einvoice-order"
import type { PlacedOrder } from "../../store-client"
import { toAmount } from "../../src/workflows/utils/build-order-document"
import { languageOfLocale, translationsFor } from "../../src/modules/async-fulfilment/i18n"
import { einvoiceProblems, validateEInvoices, type EInvoiceVerdict } from "../../dev-support/einvoice-validator"
import { describeWithEInvoiceValidator } from "../helpers/describe-with-einvoice-validator"

const testEnv = prepareTestEnv("einvoice-matrix")
jest.setTimeout(240_000)

/** the language an order names with metadata.locale: its mail (and invoice) must speak it */
const languageOf = (matrixCase: MatrixCase) => languageOfLocale(matrixCase.shopper.metadata?.locale)


medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    const placed = new Map<string, PlacedOrder>()
    const orderOf = (matrixCase: MatrixCase) => placed.get(matrixCase.name)!
    let admin: { headers: Record<string, string> }

    // Every order and its side effects complete here, before the runner snapshots the database
    // (at the first test): each test's restore then brings them back as they are now.
    beforeAll(async () => {
      const store = await seedEinvoiceStore(getContainer(), session.store)
      const orders = await mapConcurrently(MATRIX_CASES, 3, (matrixCase) =>
        placeEinvoiceOrder(session.request, store, shopperFor(matrixCase, store))
      )
      MATRIX_CASES.forEach((matrixCase, i) => placed.set(matrixCase.name, orders[i]))
      for (const order of orders) {
        await session.settled(order.id)
      }
      admin = await createAdminAuthHeaders(getContainer())
    })

    // one test per case: the runner restores the database before each test, seconds apiece
    it.each(MATRIX_CASES)(
      "$name: the order, its invoice, mail and ERP jobs complete; the order document holds Medusa's rates, discounts and totals",
      async (matrixCase) => {
        const order = orderOf(matrixCase)
        const rows = await session.rowsOf(order.id)
        expect(rows.map((row) => [row.kind, row.status, row.last_error]).sort()).toEqual([
          ["erp", "completed", null],
          ["invoice", "completed", null],
          ["mail", "completed", null],
        ])

        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: [graphOrder] } = await query.graph({ entity: "order", filters: { id: order.id }, fields: MATRIX_ORDER_FIELDS })
        // query gives BigNumber-like amounts
        const medusaOrder = { ...graphOrder, total: toAmount(graphOrder.total) } as unknown as MatrixMedusaOrder
        expect(medusaOrder.total).toBe(order.total)
        const doc = await session.service().retrieveOrderDocument(order.id)
        expectMatrixOrderDocument(matrixCase, doc, medusaOrder)

        const language = languageOf(matrixCase)
        if (language) {
          const [mail] = session.mailsTo(order.id)
          const subject = translationsFor(language).mail.orderConfirmation.subject
          expect(mail.parsed.subject).toContain(subject.slice(0, subject.indexOf("{")).trim())
        }
      }
    )

    describeWithEInvoiceValidator("EN 16931 e-invoices from the admin route (Factur-X PDF, CII, UBL)", () => {
      const invoices = new Map<string, Record<"pdf" | "cii" | "ubl", Buffer>>()
      let verdicts = new Map<string, EInvoiceVerdict>()

      const fetchInvoice = async (orderId: string, format: "pdf" | "cii" | "ubl") => {
        const response = await api.get(`/admin/async-fulfilment/orders/${orderId}/invoice?format=${format}`, {
          ...admin,
          responseType: "arraybuffer",
        })
        expect(response.headers["content-type"]).toMatch(format === "pdf" ? /^application\/pdf/ : /^application\/xml/)
        return Buffer.from(response.data)
      }

      beforeAll(async () => {
        for (const matrixCase of MATRIX_CASES) {
          const orderId = orderOf(matrixCase).id
          const [pdf, cii, ubl] = await Promise.all([fetchInvoice(orderId, "pdf"), fetchInvoice(orderId, "cii"), fetchInvoice(orderId, "ubl")])
          invoices.set(matrixCase.name, { pdf, cii, ubl })
        }
        verdicts = await validateEInvoices(
          MATRIX_CASES.flatMap(({ name }) =>
            (["pdf", "cii", "ubl"] as const).map((format) => ({ name: `${name} ${format}`, content: invoices.get(name)![format] }))
          )
        )
      })

      it.each(MATRIX_CASES)("$name: the PDF, the CII and the UBL pass the validator with 0 fatal errors", (matrixCase) => {
        for (const format of ["pdf", "cii", "ubl"]) {
          const verdict = verdicts.get(`${matrixCase.name} ${format}`)!
          expect({ format, problems: einvoiceProblems(verdict) }).toEqual({ format, problems: [] })
        }
      })

      it.each(MATRIX_CASES)("$name: the PDF embeds ?format=cii as factur-x.xml, and both tell the order's VAT", async (matrixCase) => {
        const { pdf, cii } = invoices.get(matrixCase.name)!
        const attachments = await readPdfAttachments(pdf)
        expect([...attachments.keys()]).toEqual(["factur-x.xml"])
        expect(attachments.get("factur-x.xml")!.equals(cii)).toBe(true)

        const summary = readCiiSummary(cii.toString("utf8"))
        const doc = await session.service().retrieveOrderDocument(orderOf(matrixCase).id)
        expectCiiMatchesOrder(matrixCase, doc, summary)
        const text = await readPdfText(pdf)
        expectPdfTextShows(matrixCase, text, summary)
        const language = languageOf(matrixCase)
        if (language) {
          expect(text).toContain(translationsFor(language).invoicePdf.invoiceTitle)
        }
        if (doc.items.length >= 60) {
          expect(await countPdfPages(pdf)).toBeGreaterThan(1)
        }
      })
    })
  },
})
