export { classifySmtpError } from "./classify-smtp-error"
export { createMailTransport, type MailTransport, type SmtpSettings } from "./create-mail-transport"
export { escapeHtml } from "./escape-html"
export { MailRejectedError } from "../errors/mail-rejected-error"
export { MailTemporaryError } from "../errors/mail-temporary-error"
export {
  renderOrderConfirmationMail,
  type OrderConfirmationInput,
  type RenderedMail,
} from "./render-order-mail"
export {
  sendInvoiceMail,
  type InvoiceMail,
  type InvoiceMailResult,
  type MailSender,
} from "./send-invoice-mail"
