import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"

/** Streams the order's invoice PDF from the File module. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "invoice",
    fields: ["number", "file_id"],
    filters: { order_id: req.params.id },
  })
  const invoice = data[0]
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} has no invoice`)
  }
  if (!invoice.file_id) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Invoice ${invoice.number} is not rendered yet`)
  }
  const stream = await req.scope.resolve(Modules.FILE).getDownloadStream(invoice.file_id)
  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `inline; filename="invoice-${invoice.number.replace(/[^\w.-]/g, "_")}.pdf"`)
  stream.pipe(res)
}
