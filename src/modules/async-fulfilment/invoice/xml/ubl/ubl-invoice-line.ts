import type { InvoiceLine } from "../../model/invoice-model"
import { xmlAmount, xmlDecimal, xmlPrice } from "../format-xml-values"
import { el, leaf, XmlElement } from "../xml-element"
import { ublTaxCategory } from "./ubl-party"

/** BG-25 as cac:InvoiceLine (cac:CreditNoteLine with cbc:CreditedQuantity on a credit note). */
export function ublInvoiceLine(line: InvoiceLine, currencyCode: string, creditNote: boolean): XmlElement {
  const amount = (name: string, value: number) => leaf(name, xmlAmount(value), { currencyID: currencyCode })
  return el(
    creditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine",
    null,
    leaf("cbc:ID", line.id),
    leaf(creditNote ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", xmlDecimal(line.quantity), { unitCode: line.unitCode }),
    amount("cbc:LineExtensionAmount", line.netAmount),
    line.allowances.map((allowance) =>
      el(
        "cac:AllowanceCharge",
        null,
        leaf("cbc:ChargeIndicator", "false"),
        leaf("cbc:AllowanceChargeReasonCode", allowance.reasonCode),
        leaf("cbc:AllowanceChargeReason", allowance.reason),
        amount("cbc:Amount", allowance.amount)
      )
    ),
    el(
      "cac:Item",
      null,
      leaf("cbc:Description", line.description),
      leaf("cbc:Name", line.name),
      line.sellerItemId ? el("cac:SellersItemIdentification", null, leaf("cbc:ID", line.sellerItemId)) : null,
      ublTaxCategory("cac:ClassifiedTaxCategory", line.vatCategory, xmlDecimal(line.vatRate))
    ),
    el("cac:Price", null, leaf("cbc:PriceAmount", xmlPrice(line.netUnitPrice), { currencyID: currencyCode }))
  )
}
