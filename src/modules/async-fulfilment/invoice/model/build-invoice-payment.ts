import type { OrderDocument } from "../../types/order-document"
import type { InvoiceSellerOptions } from "../../options/invoice-options"
import type { InvoicePayment } from "./invoice-model"
import type { InvoiceModelTexts } from "./invoice-model-texts"
import { addDays } from "./invoice-dates"

/** Payment collection states in which Medusa holds the whole amount (authorised or captured). */
const PAID_STATUSES = new Set(["authorized", "partially_captured", "completed"])

export function isOrderPaid(order: OrderDocument): boolean {
  return (order.payment_collections ?? []).some((collection) => PAID_STATUSES.has(collection.status))
}

export interface InvoicePaymentInput {
  paid: boolean
  invoiceNumber: string
  currencyCode: string
  issueDate: string
  paymentTermsDays: number
  seller: InvoiceSellerOptions
  texts: InvoiceModelTexts
}

/**
 * BG-16 and BT-20. Paid: online payment (UNTDID 4461 "68"), terms "Paid", no due date. Unpaid:
 * due after `paymentTermsDays`, by credit transfer to the seller's IBAN when one is configured
 * (58 SEPA for EUR, 30 otherwise; the invoice number as remittance information), else means
 * "1" (not defined).
 */
export function buildInvoicePayment(input: InvoicePaymentInput): { payment: InvoicePayment; dueDate: string | null } {
  const { texts, seller } = input
  const none = { iban: null, accountName: null, bic: null, bankName: null }
  if (input.paid) {
    return {
      payment: { meansCode: "68", meansText: texts.paymentMeansPaidOnline, remittanceInformation: null, ...none, paid: true, terms: texts.paidTerms },
      dueDate: null,
    }
  }
  const dueDate = addDays(input.issueDate, input.paymentTermsDays)
  const terms = texts.dueTerms.replace(/\{days\}/g, String(input.paymentTermsDays)).replace(/\{dueDate\}/g, dueDate)
  const account = seller.bankAccount
  const transfer = account
    ? {
        meansCode: input.currencyCode === "EUR" ? "58" : "30",
        meansText: texts.paymentMeansTransfer,
        iban: account.iban,
        accountName: seller.name,
        bic: account.bic ?? null,
        bankName: account.bankName ?? null,
      }
    : { meansCode: "1", meansText: null, ...none }
  return {
    payment: { ...transfer, remittanceInformation: input.invoiceNumber, paid: false, terms },
    dueDate,
  }
}
