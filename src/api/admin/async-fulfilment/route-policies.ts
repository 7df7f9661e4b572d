import { PolicyOperation } from "@medusajs/framework/utils"
import { ASYNC_FULFILMENT_RESOURCES } from "../../../policies/async-fulfilment"

type RoutePolicy = { resource: string; operation: string }

/** What each admin route needs under Medusa's RBAC; without RBAC these are not checked. */
export const ROUTE_POLICIES = {
  readJobs: [{ resource: ASYNC_FULFILMENT_RESOURCES.job, operation: PolicyOperation.read }],
  changeJobs: [{ resource: ASYNC_FULFILMENT_RESOURCES.job, operation: PolicyOperation.update }],
  readReviews: [{ resource: ASYNC_FULFILMENT_RESOURCES.review, operation: PolicyOperation.read }],
  decideReviews: [{ resource: ASYNC_FULFILMENT_RESOURCES.review, operation: PolicyOperation.update }],
  /** the invoice holds the order's personal data: it needs the order's own read policy too */
  readInvoice: [
    { resource: ASYNC_FULFILMENT_RESOURCES.job, operation: PolicyOperation.read },
    { resource: "order", operation: PolicyOperation.read },
  ],
  /** a resend may go to another address than the order's: it needs the order's own read policy too */
  resendMail: [
    { resource: ASYNC_FULFILMENT_RESOURCES.job, operation: PolicyOperation.update },
    { resource: "order", operation: PolicyOperation.read },
  ],
  /** the audit trail names admins and may hold an address a resend was given */
  readAudit: [
    { resource: ASYNC_FULFILMENT_RESOURCES.job, operation: PolicyOperation.read },
    { resource: "order", operation: PolicyOperation.read },
  ],
  /** blanking a customer's personal data cannot be undone: it needs the right to delete customers too */
  erasePersonalData: [
    { resource: ASYNC_FULFILMENT_RESOURCES.job, operation: PolicyOperation.update },
    { resource: "customer", operation: PolicyOperation.delete },
  ],
} satisfies Record<string, RoutePolicy[]>
