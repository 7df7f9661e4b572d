export { Invoice } from "./invoice"
export { InvoiceSequence } from "./invoice-sequence"
export { OrderSnapshot } from "./order-snapshot"
export { SideEffectJob } from "./side-effect-job"
