/**
 * The invoice as a legal document: built once per order from the order document, then rendered
 * three ways (PDF, CII XML, UBL XML) without any further computation. Field comments name the
 * EN 16931 business terms (BT-…, BG-…) each field becomes.
 *
 * Amounts are numbers in the currency's main unit, already rounded to 2 decimals (EN 16931
 * allows no more on amounts); unit prices may carry up to 4 decimals.
 */

export const INVOICE_LANGUAGES = ["en", "pl", "de", "fr"] as const
export type InvoiceLanguage = (typeof INVOICE_LANGUAGES)[number]

/**
 * What the XML renderings follow: EN 16931 itself (Factur-X / ZUGFeRD "EN 16931"), the CIUS
 * XRechnung 3.0, or no e-invoice at all (the PDF only).
 */
export const EINVOICE_PROFILES = ["en16931", "xrechnung", "none"] as const
export type EInvoiceProfile = (typeof EINVOICE_PROFILES)[number]

/** UNTDID 1001: 380 commercial invoice, 381 credit note. */
export type InvoiceTypeCode = "380" | "381"

/** UNTDID 5305 VAT categories the plugin issues: standard, zero, exempt, reverse charge, export. */
export type VatCategoryCode = "S" | "Z" | "E" | "AE" | "G"

export interface InvoiceAddress {
  /** BT-35/BT-50 and BT-36/BT-51: at most two lines */
  lines: string[]
  /** BT-37/BT-52 */
  city: string
  /** BT-38/BT-53 */
  postalCode: string | null
  /** BT-39/BT-54 */
  subdivision: string | null
  /** BT-40/BT-55: ISO 3166-1 alpha-2, upper case */
  countryCode: string
}

export interface InvoiceParty {
  /** BT-27 / BT-44: the company, or the person's name for a consumer */
  name: string
  /** the person under the company name (buyer), printed only */
  contactName: string | null
  /** BT-31 / BT-48 */
  vatId: string | null
  /** BT-33 (seller's additional legal information, e.g. "KRS 0000123456, Sąd Rejonowy …") */
  registration: string | null
  address: InvoiceAddress
  /** BT-43 / BT-58 (seller contact e-mail), BT-49 (buyer electronic address, scheme EM) */
  email: string | null
  /** BT-42 / BT-57 */
  phone: string | null
}

export interface InvoiceLineAllowance {
  /** BT-136: net amount taken off the line (the promotion's share of this line) */
  amount: number
  /** BT-139, in the invoice's language */
  reason: string
  /** BT-140, UNTDID 5189: "95" discount */
  reasonCode?: string | null
}

export interface InvoiceLine {
  /** BT-126: "1", "2", … in printed order */
  id: string
  kind: "item" | "shipping"
  /** BT-153 */
  name: string
  /** BT-154 (variant title, shipping option…) */
  description: string | null
  /** BT-155 (SKU) */
  sellerItemId: string | null
  /** BT-129 */
  quantity: number
  /** BT-130: UN/ECE Rec 20 ("C62" one, "H87" piece, "E48" service unit) */
  unitCode: string
  /** BT-146: net price of one unit before the line's allowance, up to 4 decimals */
  netUnitPrice: number
  /** BG-27: the line's discounts; empty when none */
  allowances: InvoiceLineAllowance[]
  /**
   * BT-131: what Medusa charged net of tax after discounts, in whole minor units (see
   * reconcile-invoice-amounts.ts for where a rounding cent goes); quantity × netUnitPrice −
   * allowances equals it to the price's 4 decimals
   */
  netAmount: number
  /** BT-151 / BT-152 */
  vatCategory: VatCategoryCode
  vatRate: number
  /**
   * the VAT Medusa charged on this line, in whole minor units (printed; the XML carries VAT per
   * category only, and each category's VAT is the sum of its lines')
   */
  vatAmount: number
  /** netAmount + vatAmount (printed) */
  grossAmount: number
}

export interface InvoiceVatBreakdown {
  /** BT-118 / BT-119 */
  category: VatCategoryCode
  rate: number
  /** BT-116: sum of the net amounts of this category's lines */
  taxableAmount: number
  /** BT-117: sum of the VAT Medusa charged on those lines (see README: cent differences) */
  vatAmount: number
  /** BT-120, in the invoice's language, for E, AE, G, Z */
  exemptionReason: string | null
  /** BT-121: VATEX-EU-AE, VATEX-EU-G, … */
  exemptionReasonCode: string | null
}

export interface InvoiceTotals {
  /** BT-106: sum of line net amounts */
  lineNetTotal: number
  /** BT-107 / BT-108: document-level allowances and charges (0 while Medusa has none) */
  allowanceTotal: number
  chargeTotal: number
  /** BT-109 */
  netTotal: number
  /** BT-110 */
  vatTotal: number
  /** BT-112 = netTotal + vatTotal, equal to the order's total to the cent */
  grossTotal: number
  /** BT-113 */
  paidAmount: number
  /** BT-115 = grossTotal − paidAmount */
  amountDue: number
}

export interface InvoicePayment {
  /** BT-81, UNTDID 4461: 30 credit transfer, 58 SEPA credit transfer, 48 bank card, 1 not defined */
  meansCode: string
  /** BT-82 */
  meansText: string | null
  /** BT-83: the invoice number, so the transfer can be matched */
  remittanceInformation: string | null
  /** BT-84 / BT-85 / BT-86 */
  iban: string | null
  accountName: string | null
  bic: string | null
  /** printed only */
  bankName: string | null
  /** true when Medusa captured or authorised the order's payment */
  paid: boolean
  /** BT-20, in the invoice's language: "Paid" or "Payable within 14 days" */
  terms: string
}

export interface InvoiceReference {
  /** BT-25 / BT-26: the invoice a credit note corrects */
  number: string
  issueDate: string
}

export interface InvoiceModel {
  /** BT-1 */
  number: string
  /** BT-3 */
  typeCode: InvoiceTypeCode
  /** BT-2, YYYY-MM-DD */
  issueDate: string
  /** the instant of issue (PDF CreationDate, XML creation): fixed, so re-renders are byte-identical */
  issuedAt: string
  /** BT-72 (date of sale / delivery), YYYY-MM-DD */
  deliveryDate: string
  /** BT-9, YYYY-MM-DD; null when paid */
  dueDate: string | null
  /** BT-5: upper-case ISO 4217 */
  currencyCode: string
  /** the language of every text in this model and of its renderings */
  language: InvoiceLanguage
  /** the e-invoice profile the XML renderings follow; absent means "en16931" */
  profile?: EInvoiceProfile
  /** BT-10: order metadata `buyer_reference`, "n/a" under the xrechnung profile */
  buyerReference: string | null
  /** BT-13: the order number as the customer knows it ("#1042") */
  orderReference: string
  /** the Medusa order id (printed small; not an EN 16931 term) */
  orderId: string
  seller: InvoiceParty
  buyer: InvoiceParty
  /** BG-13/BG-15 deliver-to address, null when it is the buyer's address */
  deliverTo: (InvoiceAddress & { name: string | null }) | null
  lines: InvoiceLine[]
  vatBreakdown: InvoiceVatBreakdown[]
  totals: InvoiceTotals
  payment: InvoicePayment
  /** BT-22, in the invoice's language (reverse charge, exemption…) */
  notes: string[]
  /** BG-3: set on credit notes */
  precedingInvoice: InvoiceReference | null
}
