import type { InvoiceModel } from "../../model/invoice-model"
import { ciiDate, xmlAmount, xmlDecimal } from "../format-xml-values"
import { el, group, leaf, XmlElement } from "../xml-element"

function paymentMeans(model: InvoiceModel): XmlElement {
  const { payment } = model
  return el(
    "ram:SpecifiedTradeSettlementPaymentMeans",
    null,
    leaf("ram:TypeCode", payment.meansCode),
    leaf("ram:Information", payment.meansText),
    group(
      "ram:PayeePartyCreditorFinancialAccount",
      null,
      leaf("ram:IBANID", payment.iban),
      payment.iban ? leaf("ram:AccountName", payment.accountName) : null
    ),
    group("ram:PayeeSpecifiedCreditorFinancialInstitution", null, payment.iban ? leaf("ram:BICID", payment.bic) : null)
  )
}

/** BG-23, one per category and rate, in the D16B order (amount, type, reason, basis, category, code, rate). */
function vatBreakdown(model: InvoiceModel): XmlElement[] {
  return model.vatBreakdown.map((entry) =>
    el(
      "ram:ApplicableTradeTax",
      null,
      leaf("ram:CalculatedAmount", xmlAmount(entry.vatAmount)),
      leaf("ram:TypeCode", "VAT"),
      leaf("ram:ExemptionReason", entry.exemptionReason),
      leaf("ram:BasisAmount", xmlAmount(entry.taxableAmount)),
      leaf("ram:CategoryCode", entry.category),
      leaf("ram:ExemptionReasonCode", entry.exemptionReasonCode),
      leaf("ram:RateApplicablePercent", xmlDecimal(entry.rate))
    )
  )
}

/** BG-22: the document totals; document-level allowances, charges and the prepaid amount only when not zero. */
function monetarySummation(model: InvoiceModel): XmlElement {
  const { totals, currencyCode } = model
  return el(
    "ram:SpecifiedTradeSettlementHeaderMonetarySummation",
    null,
    leaf("ram:LineTotalAmount", xmlAmount(totals.lineNetTotal)),
    totals.chargeTotal ? leaf("ram:ChargeTotalAmount", xmlAmount(totals.chargeTotal)) : null,
    totals.allowanceTotal ? leaf("ram:AllowanceTotalAmount", xmlAmount(totals.allowanceTotal)) : null,
    leaf("ram:TaxBasisTotalAmount", xmlAmount(totals.netTotal)),
    leaf("ram:TaxTotalAmount", xmlAmount(totals.vatTotal), { currencyID: currencyCode }),
    leaf("ram:GrandTotalAmount", xmlAmount(totals.grossTotal)),
    totals.paidAmount ? leaf("ram:TotalPrepaidAmount", xmlAmount(totals.paidAmount)) : null,
    leaf("ram:DuePayableAmount", xmlAmount(totals.amountDue))
  )
}

/** ApplicableHeaderTradeSettlement: payment, VAT breakdown, terms, totals and, on a credit note, BG-3. */
export function ciiHeaderSettlement(model: InvoiceModel): XmlElement {
  const preceding = model.precedingInvoice
  return el(
    "ram:ApplicableHeaderTradeSettlement",
    null,
    leaf("ram:PaymentReference", model.payment.remittanceInformation),
    leaf("ram:InvoiceCurrencyCode", model.currencyCode),
    paymentMeans(model),
    vatBreakdown(model),
    group(
      "ram:SpecifiedTradePaymentTerms",
      null,
      leaf("ram:Description", model.payment.terms),
      model.dueDate
        ? el("ram:DueDateDateTime", null, leaf("udt:DateTimeString", ciiDate(model.dueDate), { format: "102" }))
        : null
    ),
    monetarySummation(model),
    preceding
      ? el(
          "ram:InvoiceReferencedDocument",
          null,
          leaf("ram:IssuerAssignedID", preceding.number),
          el("ram:FormattedIssueDateTime", null, leaf("qdt:DateTimeString", ciiDate(preceding.issueDate), { format: "102" }))
        )
      : null
  )
}
