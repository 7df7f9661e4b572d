export {
  buildErpDocument,
  ERP_DOCUMENT_SCHEMA_VERSION,
  type DecimalString,
  type ErpOrderDocument,
  type ErpOrderLine,
  type ErpShippingLine,
} from "./build-erp-document"
export {
  buildErpCreditNoteDocument,
  type ErpCreditNoteDocument,
  type ErpCreditNoteLine,
} from "./build-erp-credit-note"
export { buildErpOrderCanceledDocument, type ErpOrderCanceledDocument } from "./build-erp-order-canceled"
export { buildErpInvoice, type ErpInvoice, type ErpVatBreakdownEntry } from "./build-erp-invoice"
export { ErpClient, ERP_RESPONSE_MAX_BYTES, ERP_USER_AGENT, type ErpClientOptions, type ErpSendResult } from "./erp-client"
export { ErpRejectedError } from "../errors/erp-rejected-error"
export { ErpRetryableError } from "../errors/erp-retryable-error"
export { ErpResponseTooLargeError } from "../errors/erp-response-too-large-error"
export {
  ERP_IDEMPOTENCY_HEADER,
  ERP_SIGNATURE_HEADER,
  signErpBody,
  verifyErpSignature,
  type VerifyErpSignatureOptions,
} from "./sign-erp-request"
export { toDecimalString } from "./to-decimal-string"
