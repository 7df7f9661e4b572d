import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { streamInvoicePdf } from "../../../../../utils/stream-invoice-pdf"

/** The order's invoice PDF, for the admin (409 while it is not rendered yet). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await streamInvoicePdf(req, res, req.params.id, "inline")
}
