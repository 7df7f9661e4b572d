import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendInvoice } from "../../../../../utils/send-invoice"

/** The order's invoice, for the admin: `?format=pdf` (default), `cii` or `ubl`; 409 while it is not issued yet. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await sendInvoice(req, res, req.params.id, "inline")
}
