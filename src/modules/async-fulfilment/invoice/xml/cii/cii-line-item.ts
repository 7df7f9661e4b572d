import type { InvoiceLine } from "../../model/invoice-model"
import { xmlAmount, xmlDecimal, xmlPrice } from "../format-xml-values"
import { el, leaf, XmlElement } from "../xml-element"

/** BG-25: one invoice line with its price (BG-29), VAT (BG-30) and allowances (BG-27). */
export function ciiLineItem(line: InvoiceLine): XmlElement {
  return el(
    "ram:IncludedSupplyChainTradeLineItem",
    null,
    el("ram:AssociatedDocumentLineDocument", null, leaf("ram:LineID", line.id)),
    el(
      "ram:SpecifiedTradeProduct",
      null,
      leaf("ram:SellerAssignedID", line.sellerItemId),
      leaf("ram:Name", line.name),
      leaf("ram:Description", line.description)
    ),
    el(
      "ram:SpecifiedLineTradeAgreement",
      null,
      el("ram:NetPriceProductTradePrice", null, leaf("ram:ChargeAmount", xmlPrice(line.netUnitPrice)))
    ),
    el(
      "ram:SpecifiedLineTradeDelivery",
      null,
      leaf("ram:BilledQuantity", xmlDecimal(line.quantity), { unitCode: line.unitCode })
    ),
    el(
      "ram:SpecifiedLineTradeSettlement",
      null,
      el(
        "ram:ApplicableTradeTax",
        null,
        leaf("ram:TypeCode", "VAT"),
        leaf("ram:CategoryCode", line.vatCategory),
        leaf("ram:RateApplicablePercent", xmlDecimal(line.vatRate))
      ),
      line.allowances.map((allowance) =>
        el(
          "ram:SpecifiedTradeAllowanceCharge",
          null,
          el("ram:ChargeIndicator", null, leaf("udt:Indicator", "false")),
          leaf("ram:ActualAmount", xmlAmount(allowance.amount)),
          leaf("ram:ReasonCode", allowance.reasonCode),
          leaf("ram:Reason", allowance.reason)
        )
      ),
      el(
        "ram:SpecifiedTradeSettlementLineMonetarySummation",
        null,
        leaf("ram:LineTotalAmount", xmlAmount(line.netAmount))
      )
    )
  )
}
