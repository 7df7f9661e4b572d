import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { Readable } from "stream"
import { keepConflictMessage } from "../admin/async-fulfilment/helpers/keep-conflict-message"

/** `invoice-INV-2026-000001.pdf`: letters, digits, dot, dash and underscore only. */
function safeInvoiceFilename(number: string): string {
  return `invoice-${number.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`
}

/** Resolves when the stream has data, rejects when it fails before its first byte. */
function firstReadable(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off("readable", onReadable)
      stream.off("error", onError)
      error ? reject(error) : resolve()
    }
    const onReadable = () => done()
    const onError = (error: Error) => done(error)
    stream.once("readable", onReadable)
    stream.once("error", onError)
  })
}

/**
 * Streams an order's invoice PDF from the File module: 409 (with the reason) while it is not
 * rendered yet. A file that cannot be read fails before any header is sent, so the client gets
 * an error rather than a PDF header and an empty body.
 */
export async function streamInvoicePdf(
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
    return (await req.scope.resolve(Modules.FILE).getDownloadStream(invoice.file_id)) as Readable
  })
  await firstReadable(stream)

  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `${disposition}; filename="${safeInvoiceFilename(invoice!.number)}"`)
  res.setHeader("cache-control", "private, no-store")
  stream.once("error", () => res.destroy())
  stream.pipe(res)
}
