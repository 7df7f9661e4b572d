export {
  buildOrderInvoiceModel,
  INVOICE_FORMATS,
  invoiceFileName,
  isEInvoice,
  renderInvoiceXml,
  renderIssuedInvoicePdf,
  type InvoiceFormat,
  type InvoiceXmlFormat,
} from "./issue-invoice"
export * from "./model"
export { renderCiiInvoice, renderUblInvoice } from "./xml"
export type { InvoiceFonts } from "./pdf/default-fonts"
export { renderInvoicePdf, type RenderInvoicePdfOptions } from "./pdf/render-invoice-pdf"
export type { InvoicePdfLabels } from "./pdf/pdf-labels"
export { FACTURX_FILE_NAME, type FacturXConformanceLevel } from "./pdf/pdfa/facturx-xmp"
