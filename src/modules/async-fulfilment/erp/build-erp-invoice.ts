import type { InvoiceModel, InvoiceTypeCode, VatCategoryCode } from "../invoice/model"
import { toDecimalString, type DecimalString } from "./to-decimal-string"

export interface ErpVatBreakdownEntry {
  /** UNTDID 5305: S standard, Z zero, E exempt, AE reverse charge, G export */
  category: VatCategoryCode
  /** percent (23 for 23 %) */
  rate: number
  taxable_amount: DecimalString
  vat_amount: DecimalString
  /** VATEX code for E, AE, G; null otherwise */
  exemption_reason_code: string | null
}

/** The issued invoice of the order, as the e-invoice states it (same numbers as its PDF and XML). */
export interface ErpInvoice {
  number: string
  /** "380" invoice, "381" credit note */
  type_code: InvoiceTypeCode
  /** YYYY-MM-DD */
  issue_date: string
  /** date of sale / delivery, YYYY-MM-DD */
  delivery_date: string
  /** YYYY-MM-DD; null when paid */
  due_date: string | null
  paid: boolean
  vat_breakdown: ErpVatBreakdownEntry[]
  totals: {
    net_total: DecimalString
    vat_total: DecimalString
    gross_total: DecimalString
    paid_amount: DecimalString
    amount_due: DecimalString
  }
}

export function buildErpInvoice(model: InvoiceModel): ErpInvoice {
  const money = (amount: number) => toDecimalString(amount, model.currencyCode)
  return {
    number: model.number,
    type_code: model.typeCode,
    issue_date: model.issueDate,
    delivery_date: model.deliveryDate,
    due_date: model.dueDate,
    paid: model.payment.paid,
    vat_breakdown: model.vatBreakdown.map((entry) => ({
      category: entry.category,
      rate: entry.rate,
      taxable_amount: money(entry.taxableAmount),
      vat_amount: money(entry.vatAmount),
      exemption_reason_code: entry.exemptionReasonCode,
    })),
    totals: {
      net_total: money(model.totals.netTotal),
      vat_total: money(model.totals.vatTotal),
      gross_total: money(model.totals.grossTotal),
      paid_amount: money(model.totals.paidAmount),
      amount_due: money(model.totals.amountDue),
    },
  }
}
