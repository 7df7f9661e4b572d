import type { InvoiceModel } from "../../model/invoice-model"
import { sellerContactNameOf, specificationIdOf } from "../einvoice-specification"
import { ciiDate } from "../format-xml-values"
import { serializeXml } from "../serialize-xml"
import { el, leaf, XmlElement } from "../xml-element"
import { ciiHeaderSettlement } from "./cii-header-settlement"
import { ciiLineItem } from "./cii-line-item"
import { ciiAddress, ciiTradeParty } from "./cii-trade-party"

const NAMESPACES = {
  "xmlns:rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  "xmlns:ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  "xmlns:qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
  "xmlns:udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}

const dateTime = (name: string, isoDate: string) =>
  el(name, null, leaf("udt:DateTimeString", ciiDate(isoDate), { format: "102" }))

function headerAgreement(model: InvoiceModel): XmlElement {
  return el(
    "ram:ApplicableHeaderTradeAgreement",
    null,
    leaf("ram:BuyerReference", model.buyerReference),
    ciiTradeParty("ram:SellerTradeParty", model.seller, sellerContactNameOf(model)),
    ciiTradeParty("ram:BuyerTradeParty", model.buyer, model.buyer.contactName),
    el("ram:BuyerOrderReferencedDocument", null, leaf("ram:IssuerAssignedID", model.orderReference))
  )
}

function headerDelivery(model: InvoiceModel): XmlElement {
  const deliverTo = model.deliverTo
  return el(
    "ram:ApplicableHeaderTradeDelivery",
    null,
    deliverTo ? el("ram:ShipToTradeParty", null, leaf("ram:Name", deliverTo.name), ciiAddress(deliverTo)) : null,
    el("ram:ActualDeliverySupplyChainEvent", null, dateTime("ram:OccurrenceDateTime", model.deliveryDate))
  )
}

/**
 * The invoice as UN/CEFACT Cross Industry Invoice D16B, profile EN 16931 (Factur-X 1.07 /
 * ZUGFeRD 2.3 "EN 16931", or XRechnung 3.0 under that profile): the XML a Factur-X PDF embeds.
 * A rendering only: every value comes from the model. Same model, same bytes.
 */
export function renderCiiInvoice(model: InvoiceModel): string {
  return serializeXml(
    el(
      "rsm:CrossIndustryInvoice",
      NAMESPACES,
      el(
        "rsm:ExchangedDocumentContext",
        null,
        el("ram:GuidelineSpecifiedDocumentContextParameter", null, leaf("ram:ID", specificationIdOf(model)))
      ),
      el(
        "rsm:ExchangedDocument",
        null,
        leaf("ram:ID", model.number),
        leaf("ram:TypeCode", model.typeCode),
        dateTime("ram:IssueDateTime", model.issueDate),
        model.notes.map((note) => el("ram:IncludedNote", null, leaf("ram:Content", note)))
      ),
      el(
        "rsm:SupplyChainTradeTransaction",
        null,
        model.lines.map(ciiLineItem),
        headerAgreement(model),
        headerDelivery(model),
        ciiHeaderSettlement(model)
      )
    )
  )
}
