/** Fixed wording printed on the invoice. Kept apart from the data so a translation only swaps this object. */
export interface InvoiceLabels {
  invoiceNumber: string
  issueDate: string
  orderDate: string
  order: string
  billTo: string
  shipTo: string
  vatId: string
  columns: {
    description: string
    quantity: string
    unitPrice: string
    taxRate: string
    taxAmount: string
    total: string
  }
  totals: {
    subtotal: string
    shipping: string
    discount: string
    tax: string
    total: string
  }
  /** "{page}" and "{pages}" are replaced by the page number and the page count */
  pageOf: string
}

export const ENGLISH_INVOICE_LABELS: Readonly<InvoiceLabels> = Object.freeze({
  invoiceNumber: "Invoice no.",
  issueDate: "Issue date",
  orderDate: "Order date",
  order: "Order",
  billTo: "Bill to",
  shipTo: "Ship to",
  vatId: "VAT ID",
  columns: Object.freeze({
    description: "Description",
    quantity: "Qty",
    unitPrice: "Unit price",
    taxRate: "Tax rate",
    taxAmount: "Tax",
    total: "Total",
  }),
  totals: Object.freeze({
    subtotal: "Subtotal",
    shipping: "Shipping",
    discount: "Discount",
    tax: "Tax",
    total: "Total",
  }),
  pageOf: "Page {page} of {pages}",
})
