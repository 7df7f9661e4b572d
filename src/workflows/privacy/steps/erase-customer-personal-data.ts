import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

export interface EraseCustomerPersonalDataStepInput {
  customer_id: string
}

export const eraseCustomerPersonalDataStepId = "erase-customer-personal-data"

/**
 * Blanks a customer's personal fields in the plugin's tables, in one transaction that checks
 * first (409 while a job of theirs may still read its order). No compensation: an erasure is
 * meant to be irreversible, and it is this workflow's only write.
 */
export const eraseCustomerPersonalDataStep = createStep(
  eraseCustomerPersonalDataStepId,
  async ({ customer_id }: EraseCustomerPersonalDataStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const { order_ids } = await service.eraseCustomerPersonalData(customer_id)
    return new StepResponse(order_ids)
  }
)
