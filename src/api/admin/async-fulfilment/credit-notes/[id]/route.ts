import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { creditNoteNotFound, readCreditNote, sendCreditNote } from "../../../../utils/send-credit-note"

/** A credit note for the admin: `?format=pdf` (default, 409 until stored), `cii` or `ubl` (a UBL CreditNote). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const creditNote = await readCreditNote(req, req.params.id)
  if (!creditNote) {
    throw creditNoteNotFound(req.params.id)
  }
  await sendCreditNote(req, res, creditNote, "inline")
}
