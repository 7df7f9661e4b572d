/** The fixed wording of the invoice PDF, in one language. Every language file of `i18n/` provides it. */
export interface InvoicePdfLabels {
  invoiceTitle: string
  creditNoteTitle: string
  number: string
  issueDate: string
  /** the date of sale / delivery (BT-72) */
  deliveryDate: string
  dueDate: string
  orderReference: string
  /** on a credit note: the invoice it corrects */
  correctedInvoice: string
  /** what a credit note prints where an invoice prints its number, "paid" and amount due */
  creditNote: {
    number: string
    /** the credit went back to the customer (the invoice was paid) */
    refunded: string
    /** the credit reduces what the customer still owes on the invoice */
    amountCredited: string
  }
  seller: string
  buyer: string
  deliverTo: string
  /** "VAT ID", "NIP", "USt-IdNr.", "N° TVA" */
  vatId: string
  email: string
  phone: string
  bankAccount: string
  iban: string
  bic: string
  columns: {
    position: string
    description: string
    quantity: string
    unit: string
    netUnitPrice: string
    netAmount: string
    vatRate: string
    vatAmount: string
    grossAmount: string
  }
  /** printed names of the UN/ECE Rec 20 unit codes the plugin uses */
  units: { C62: string; H87: string; E48: string }
  /** printed under a line that carries a discount */
  discount: string
  vatSummary: {
    title: string
    rate: string
    taxableAmount: string
    vatAmount: string
    grossAmount: string
  }
  totals: {
    netTotal: string
    vatTotal: string
    grossTotal: string
    paidAmount: string
    amountDue: string
  }
  payment: {
    title: string
    means: string
    terms: string
    paid: string
  }
  notes: string
  /** "{page}" and "{pages}" are replaced by the page number and the page count */
  pageOf: string
}
