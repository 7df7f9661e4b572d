import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { sendInvoice } from "../../../../utils/send-invoice"

/**
 * The invoice of one of the signed-in customer's orders: the PDF from the File module, or with
 * `?format=cii|ubl` its e-invoice XML.
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

  await sendInvoice(req, res, orderId, "attachment")
}
