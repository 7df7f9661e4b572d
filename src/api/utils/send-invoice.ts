import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { Readable } from "stream"
import { z } from "@medusajs/framework/zod"
import { ASYNC_FULFILMENT_MODULE } from "../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../modules/async-fulfilment/service"
import { INVOICE_FORMATS, type InvoiceFormat, invoiceFileName } from "../../modules/async-fulfilment/invoice/issue-invoice"
import { keepConflictMessage } from "../admin/async-fulfilment/helpers/keep-conflict-message"
import { openDownload, sendDownload } from "./stream-download"

const invoiceFormatSchema = z.enum(INVOICE_FORMATS).default("pdf")

/** `?format=pdf|cii|ubl`, pdf when left out; anything else is a 400 naming the choices. */
function requestedFormat(req: MedusaRequest): InvoiceFormat {
  const parsed = invoiceFormatSchema.safeParse(req.query.format)
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid request: format must be one of ${INVOICE_FORMATS.join(", ")}, got ${JSON.stringify(req.query.format)}`
    )
  }
  return parsed.data
}

/**
 * Streams an order's invoice PDF from the File module: 409 (with the reason) while it is not
 * rendered yet. A file that cannot be read (or opened in time) fails before any header is sent,
 * so the client gets an error rather than a PDF header and an empty body.
 */
async function streamInvoicePdf(
  req: MedusaRequest,
  res: MedusaResponse,
  orderId: string,
  disposition: "inline" | "attachment"
): Promise<void> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "invoice", fields: ["number", "file_id"], filters: { order_id: orderId } })
  const invoice = data[0]
  const stream = await keepConflictMessage(async () => {
    if (!invoice?.file_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `The invoice${invoice ? ` ${invoice.number}` : ""} of order ${orderId} is not ready yet; try again in a moment`
      )
    }
    const files = req.scope.resolve(Modules.FILE)
    return openDownload(
      async () => (await files.getDownloadStream(invoice.file_id)) as Readable,
      `the invoice PDF of order ${orderId}`
    )
  })

  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `${disposition}; filename="${invoiceFileName(invoice!.number, "pdf")}"`)
  res.setHeader("cache-control", "private, no-store")
  await sendDownload(stream, res)
}

/** The CII or UBL XML of an issued invoice, rendered from the model it was issued with. */
async function sendInvoiceXml(req: MedusaRequest, res: MedusaResponse, orderId: string, format: "cii" | "ubl") {
  const service = req.scope.resolve<AsyncFulfilmentModuleService>(ASYNC_FULFILMENT_MODULE)
  const { number, xml } = await keepConflictMessage(() => service.renderIssuedInvoiceXml(orderId, format))
  res.setHeader("content-type", "application/xml; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="${invoiceFileName(number, format)}"`)
  res.setHeader("cache-control", "private, no-store")
  res.status(200).send(xml)
}

/**
 * Answers an order's invoice in the requested `?format`: the (Factur-X) PDF, or its CII or UBL
 * XML. 409 with the reason while it is not issued yet.
 */
export async function sendInvoice(
  req: MedusaRequest,
  res: MedusaResponse,
  orderId: string,
  disposition: "inline" | "attachment"
): Promise<void> {
  const format = requestedFormat(req)
  if (format === "pdf") {
    await streamInvoicePdf(req, res, orderId, disposition)
  } else {
    await sendInvoiceXml(req, res, orderId, format)
  }
}
