import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { Readable } from "stream"
import { keepConflictMessage } from "../../../../admin/async-fulfilment/helpers/keep-conflict-message"

/**
 * The invoice PDF of one of the signed-in customer's orders, streamed from the File module.
 * An order that does not exist and another customer's order answer the same 404; an order
 * whose invoice is not rendered yet answers 409 (try again later).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const orderId = req.params.id
  const customerId = req.auth_context?.actor_id
  if (!customerId) {
    // storeAsyncFulfilmentMiddlewares authenticates; this guards a store that left them out
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  }

  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id"],
    filters: { id: orderId },
  })
  const order = orders[0]
  if (!order || order.customer_id !== customerId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }

  const { data: invoices } = await query.graph({
    entity: "invoice",
    fields: ["number", "file_id"],
    filters: { order_id: orderId },
  })
  const invoice = invoices[0]
  const stream = await keepConflictMessage(async () => {
    if (!invoice?.file_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        invoice
          ? `The invoice ${invoice.number} of order ${orderId} is not ready yet; try again in a moment`
          : `The invoice of order ${orderId} is not ready yet; try again in a moment`
      )
    }
    return (await req.scope.resolve(Modules.FILE).getDownloadStream(invoice.file_id)) as Readable
  })
  // A stream that cannot be read (a missing file) fails before its first byte: answer with an
  // error then, not with a PDF header and an empty body.
  await firstReadable(stream)

  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `attachment; filename="${safeInvoiceFilename(invoice!.number)}"`)
  res.setHeader("cache-control", "private, no-store")
  stream.once("error", () => res.destroy())
  stream.pipe(res)
}

/** `invoice-INV-2026-000001.pdf`: letters, digits, dot, dash and underscore only. */
function safeInvoiceFilename(number: string): string {
  return `invoice-${number.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`
}

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
