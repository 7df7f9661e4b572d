import type { InvoiceModel } from "../../model/invoice-model"
import { xmlAmount, xmlDecimal } from "../format-xml-values"
import { el, leaf, XmlElement } from "../xml-element"
import { ublTaxCategory } from "./ubl-party"

/** BG-16 (payment means, BT-83, BG-17) and BT-20; a credit note carries its due date (BT-9) here. */
export function ublPayment(model: InvoiceModel, creditNote: boolean): XmlElement[] {
  const { payment } = model
  return [
    el(
      "cac:PaymentMeans",
      null,
      leaf("cbc:PaymentMeansCode", payment.meansCode, { name: payment.meansText }),
      creditNote ? leaf("cbc:PaymentDueDate", model.dueDate) : null,
      leaf("cbc:PaymentID", payment.remittanceInformation),
      payment.iban
        ? el(
            "cac:PayeeFinancialAccount",
            null,
            leaf("cbc:ID", payment.iban),
            leaf("cbc:Name", payment.accountName),
            payment.bic ? el("cac:FinancialInstitutionBranch", null, leaf("cbc:ID", payment.bic)) : null
          )
        : null
    ),
    el("cac:PaymentTerms", null, leaf("cbc:Note", payment.terms)),
  ]
}

/** BG-23 inside cac:TaxTotal, with the VAT total (BT-110). */
export function ublTaxTotal(model: InvoiceModel): XmlElement {
  const amount = (name: string, value: number) => leaf(name, xmlAmount(value), { currencyID: model.currencyCode })
  return el(
    "cac:TaxTotal",
    null,
    amount("cbc:TaxAmount", model.totals.vatTotal),
    model.vatBreakdown.map((entry) =>
      el(
        "cac:TaxSubtotal",
        null,
        amount("cbc:TaxableAmount", entry.taxableAmount),
        amount("cbc:TaxAmount", entry.vatAmount),
        ublTaxCategory("cac:TaxCategory", entry.category, xmlDecimal(entry.rate), {
          reasonCode: entry.exemptionReasonCode,
          reason: entry.exemptionReason,
        })
      )
    )
  )
}

/** BG-22; document-level allowances, charges and the prepaid amount only when not zero. */
export function ublMonetaryTotal(model: InvoiceModel): XmlElement {
  const { totals } = model
  const amount = (name: string, value: number) => leaf(name, xmlAmount(value), { currencyID: model.currencyCode })
  return el(
    "cac:LegalMonetaryTotal",
    null,
    amount("cbc:LineExtensionAmount", totals.lineNetTotal),
    amount("cbc:TaxExclusiveAmount", totals.netTotal),
    amount("cbc:TaxInclusiveAmount", totals.grossTotal),
    totals.allowanceTotal ? amount("cbc:AllowanceTotalAmount", totals.allowanceTotal) : null,
    totals.chargeTotal ? amount("cbc:ChargeTotalAmount", totals.chargeTotal) : null,
    totals.paidAmount ? amount("cbc:PrepaidAmount", totals.paidAmount) : null,
    amount("cbc:PayableAmount", totals.amountDue)
  )
}
