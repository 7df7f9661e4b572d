import type { InvoiceLabels } from "./invoice-labels"

export interface InvoiceTableRow {
  kind: "item" | "shipping"
  description: string
  quantity: string
  unitPrice: string
  /** "23%", or "—" when the line carries no tax rate */
  taxRate: string
  taxAmount: string
  total: string
}

export interface InvoiceTotalLine {
  kind: "subtotal" | "shipping" | "discount" | "tax" | "total"
  label: string
  amount: string
}

/**
 * Everything the invoice PDF shows, already formatted. Lists are never null: an empty
 * list means "nothing to print" (shipTo is empty when goods go to the billing address).
 */
export interface InvoiceContent {
  title: string
  invoiceNumber: string
  /** the PDF's CreationDate and ModDate; fixed so that re-rendering yields identical bytes */
  issuedAt: Date
  /** YYYY-MM-DD */
  issueDate: string
  /** YYYY-MM-DD */
  orderDate: string
  /** "#123" */
  orderDisplayId: string
  /** upper-case ISO 4217 */
  currencyCode: string
  locale: string
  /** name first, then address lines, then "VAT ID: …" */
  seller: string[]
  /** name, company, address lines, country, e-mail */
  buyer: string[]
  shipTo: string[]
  rows: InvoiceTableRow[]
  totals: InvoiceTotalLine[]
  labels: InvoiceLabels
}
