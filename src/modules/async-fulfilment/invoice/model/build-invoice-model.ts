import type { InvoiceIdentity, OrderDocument } from "../../types/order-document"
import type { InvoiceSellerOptions } from "../../options/invoice-options"
import { normalizeCurrencyCode } from "../../i18n/format/format-money"
import type { EInvoiceProfile, InvoiceLanguage, InvoiceModel } from "./invoice-model"
import type { InvoiceModelTexts } from "./invoice-model-texts"
import { findBuyerVatId } from "./buyer-vat-id"
import { buildBuyerParty, buildDeliverTo, buildSellerParty, buyerAddressOf, isCompanyBuyer } from "./build-invoice-parties"
import { buildInvoicePayment, isOrderPaid } from "./build-invoice-payment"
import { buildInvoiceNotes } from "./build-invoice-notes"
import { buildVatBreakdown } from "./build-vat-breakdown"
import { classifyVat, VatParties } from "./classify-vat"
import { draftInvoiceLines } from "./draft-invoice-lines"
import { finishInvoiceLine } from "./finish-invoice-line"
import { InvalidInvoiceDataError } from "../../errors/invalid-invoice-data-error"
import { isoDateOf, normalizeInstant } from "./invoice-dates"
import { fromMinorUnits, invoiceAmountDigits, toMinorUnits } from "./minor-units"
import { OrderTotalMismatchError } from "../../errors/order-total-mismatch-error"
import { reconcileInvoiceAmounts } from "./reconcile-invoice-amounts"

export interface InvoiceModelOptions {
  /** due date of an unpaid order: issue date + this many days; default 14 */
  paymentTermsDays?: number
  /** metadata key of the buyer's VAT ID (order, billing address, customer); default "vat_id" */
  buyerTaxIdKey?: string
  /** default "en16931" */
  profile?: EInvoiceProfile
}

export interface BuildInvoiceModelInput {
  order: OrderDocument
  invoice: InvoiceIdentity
  seller: InvoiceSellerOptions
  language: InvoiceLanguage
  texts: InvoiceModelTexts
  options?: InvoiceModelOptions
}

function checkInput(input: BuildInvoiceModelInput, profile: EInvoiceProfile): { currencyCode: string; issuedAt: string } {
  const { order, invoice, seller } = input
  const fail = (problem: string) => new InvalidInvoiceDataError(order?.order_id ?? "(no id)", problem)
  if (!order?.items?.length) throw fail("the order has no items")
  if (!invoice?.number?.trim()) throw fail("the invoice number is empty")
  const issuedAt = normalizeInstant(invoice.issued_at)
  if (!issuedAt) throw fail(`the issue instant ${JSON.stringify(invoice.issued_at)} is not a date`)
  let currencyCode: string
  try {
    currencyCode = normalizeCurrencyCode(order.currency_code)
  } catch (error) {
    throw fail((error as Error).message)
  }
  if (profile === "xrechnung" && (!seller.email || !seller.phone)) {
    throw fail("XRechnung needs the seller contact (BR-DE-2): set invoice.seller.email and invoice.seller.phone")
  }
  return { currencyCode, issuedAt }
}

const stringMetadata = (order: OrderDocument, key: string): string | null => {
  const value = order.metadata?.[key]
  return typeof value === "string" && value.trim() ? value.trim() : null
}

/**
 * The invoice of an order, computed once: every number the PDF, the CII and the UBL show comes
 * from here. Amounts are computed in whole minor units (see reconcile-invoice-amounts.ts for
 * where rounding cents go) and handed out in the currency's main unit.
 */
export function buildInvoiceModel(input: BuildInvoiceModelInput): InvoiceModel {
  const { order, invoice, seller, language, texts } = input
  const profile = input.options?.profile ?? "en16931"
  const paymentTermsDays = input.options?.paymentTermsDays ?? 14
  const buyerTaxIdKey = input.options?.buyerTaxIdKey ?? "vat_id"
  const { currencyCode, issuedAt } = checkInput(input, profile)
  const digits = invoiceAmountDigits(currencyCode)

  const buyerCountry = buyerAddressOf(order).country_code!.toUpperCase()
  const buyerVatId = findBuyerVatId(order, buyerTaxIdKey, buyerCountry)
  const parties: VatParties = {
    orderId: order.order_id,
    sellerCountry: seller.address.countryCode,
    sellerVatId: seller.vatId || null,
    buyerCountry,
    buyerVatId,
    buyerIsCompany: isCompanyBuyer(order),
    buyerTaxIdKey,
  }
  const drafts = draftInvoiceLines(order, digits, texts, (rate, names) => classifyVat(rate, names, parties, texts))

  const orderTotal = toMinorUnits(order.totals.total, digits)
  const linesTotal = drafts.reduce((sum, draft) => sum + draft.net + draft.vat, 0)
  if (Math.abs(orderTotal - linesTotal) > 1) {
    const shown = (minor: number) => fromMinorUnits(Math.round(minor), digits).toFixed(digits)
    throw new OrderTotalMismatchError(order.order_id, currencyCode, shown(orderTotal), shown(linesTotal))
  }
  const amounts = reconcileInvoiceAmounts(
    drafts.map((draft) => ({ net: draft.net, vat: draft.vat, category: draft.categoryKey })),
    orderTotal
  )
  const lines = drafts.map((draft, index) => finishInvoiceLine(draft, amounts.lines[index], index, digits, texts))
  const vatBreakdown = buildVatBreakdown(drafts, amounts, digits)

  const issueDate = isoDateOf(issuedAt)
  const paid = isOrderPaid(order)
  const { payment, dueDate } = buildInvoicePayment({
    paid,
    invoiceNumber: invoice.number,
    currencyCode,
    issueDate,
    paymentTermsDays,
    seller,
    texts,
  })
  const buyer = buildBuyerParty(order, buyerVatId)
  const gross = fromMinorUnits(amounts.grossTotal, digits)
  const net = fromMinorUnits(amounts.netTotal, digits)

  return {
    number: invoice.number,
    typeCode: invoice.typeCode ?? "380",
    issueDate,
    issuedAt,
    deliveryDate: isoDateOf(order.placed_at),
    dueDate,
    currencyCode,
    language,
    profile,
    buyerReference: stringMetadata(order, "buyer_reference") ?? (profile === "xrechnung" ? "n/a" : null),
    orderReference: `#${order.display_id}`,
    orderId: order.order_id,
    seller: buildSellerParty(seller),
    buyer,
    deliverTo: buildDeliverTo(order, buyer),
    lines,
    vatBreakdown,
    totals: {
      lineNetTotal: net,
      allowanceTotal: 0,
      chargeTotal: 0,
      netTotal: net,
      vatTotal: fromMinorUnits(amounts.vatTotal, digits),
      grossTotal: gross,
      paidAmount: paid ? gross : 0,
      amountDue: paid ? 0 : gross,
    },
    payment,
    notes: buildInvoiceNotes(vatBreakdown, texts),
    precedingInvoice: invoice.precedingInvoice ?? null,
  }
}
