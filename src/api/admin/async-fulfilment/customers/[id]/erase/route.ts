import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseCustomerPersonalDataWorkflow } from "../../../../../../workflows"
import type { CustomerErasureResponse } from "../../../contract"
import { keepConflictMessage } from "../../../helpers/keep-conflict-message"
import { auditActorOf } from "../../../helpers/audit-actor"

/** GDPR erasure of what the plugin holds on a customer; 409 (with the reason) while their side effects run. */
export const POST = async (req: MedusaRequest, res: MedusaResponse<CustomerErasureResponse>) => {
  const { result } = await keepConflictMessage(() =>
    eraseCustomerPersonalDataWorkflow(req.scope).run({ input: { customer_id: req.params.id, actor: auditActorOf(req) } })
  )
  res.json({ customer_id: req.params.id, erased_order_ids: result.order_ids })
}
