import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { creditNoteNotFound, readCreditNote, sendCreditNote } from "../../../../../utils/send-credit-note"

/**
 * A credit note of one of the signed-in customer's orders, in `?format=pdf|cii|ubl`. As for the
 * invoice: another customer's order answers the same 404 as a missing one, and so does a credit
 * note of another order.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { id: orderId, credit_note_id: creditNoteId } = req.params
  const customerId = req.auth_context?.actor_id
  if (!customerId) {
    // storeAsyncFulfilmentMiddlewares authenticates; this guards a store that left them out
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  }

  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
  if (!orders[0] || orders[0].customer_id !== customerId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
  const creditNote = await readCreditNote(req, creditNoteId)
  if (!creditNote || creditNote.order_id !== orderId) {
    throw creditNoteNotFound(creditNoteId)
  }
  await sendCreditNote(req, res, creditNote, "attachment")
}
