import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { OrderCreditNotesResponse } from "../../../contract"
import { creditNoteFields, type CreditNoteListRow, toAdminCreditNote } from "../../../helpers/to-admin-credit-note"

/** The order's credit notes, in the order of their numbers, with their download links. */
export const GET = async (req: MedusaRequest, res: MedusaResponse<OrderCreditNotesResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "credit_note",
    fields: creditNoteFields,
    filters: { order_id: req.params.id },
    pagination: { order: { sequence_scope: "ASC", sequence_value: "ASC" } },
  })
  res.json({ credit_notes: (data as CreditNoteListRow[]).map(toAdminCreditNote) })
}
