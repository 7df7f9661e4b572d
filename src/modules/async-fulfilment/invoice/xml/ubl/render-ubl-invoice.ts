import type { InvoiceModel } from "../../model/invoice-model"
import { sellerContactNameOf, specificationIdOf } from "../einvoice-specification"
import { serializeXml } from "../serialize-xml"
import { el, leaf, XmlElement } from "../xml-element"
import { ublInvoiceLine } from "./ubl-invoice-line"
import { ublAddress, ublParty } from "./ubl-party"
import { ublMonetaryTotal, ublPayment, ublTaxTotal } from "./ubl-settlement"

const namespaces = (root: "Invoice" | "CreditNote") => ({
  xmlns: `urn:oasis:names:specification:ubl:schema:xsd:${root}-2`,
  "xmlns:cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  "xmlns:cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
})

function delivery(model: InvoiceModel): XmlElement {
  const deliverTo = model.deliverTo
  return el(
    "cac:Delivery",
    null,
    leaf("cbc:ActualDeliveryDate", model.deliveryDate),
    deliverTo ? el("cac:DeliveryLocation", null, ublAddress("cac:Address", deliverTo)) : null,
    deliverTo?.name ? el("cac:DeliveryParty", null, el("cac:PartyName", null, leaf("cbc:Name", deliverTo.name))) : null
  )
}

/**
 * The invoice as OASIS UBL 2.1 (EN 16931, or the CIUS XRechnung 3.0): an Invoice, or a CreditNote
 * for type code 381 with the invoice it corrects (BG-3). A rendering only: every value comes from
 * the model. Same model, same bytes.
 */
export function renderUblInvoice(model: InvoiceModel): string {
  const creditNote = model.typeCode === "381"
  const root = creditNote ? "CreditNote" : "Invoice"
  const { seller, buyer, precedingInvoice } = model
  return serializeXml(
    el(
      root,
      namespaces(root),
      leaf("cbc:CustomizationID", specificationIdOf(model)),
      leaf("cbc:ID", model.number),
      leaf("cbc:IssueDate", model.issueDate),
      creditNote ? null : leaf("cbc:DueDate", model.dueDate),
      leaf(creditNote ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode", model.typeCode),
      model.notes.map((note) => leaf("cbc:Note", note)),
      leaf("cbc:DocumentCurrencyCode", model.currencyCode),
      leaf("cbc:BuyerReference", model.buyerReference),
      el("cac:OrderReference", null, leaf("cbc:ID", model.orderReference)),
      precedingInvoice
        ? el(
            "cac:BillingReference",
            null,
            el("cac:InvoiceDocumentReference", null, leaf("cbc:ID", precedingInvoice.number), leaf("cbc:IssueDate", precedingInvoice.issueDate))
          )
        : null,
      el(
        "cac:AccountingSupplierParty",
        null,
        ublParty(seller, { name: sellerContactNameOf(model), phone: seller.phone, email: seller.email })
      ),
      el(
        "cac:AccountingCustomerParty",
        null,
        ublParty(buyer, { name: buyer.contactName, phone: buyer.phone, email: null })
      ),
      delivery(model),
      ublPayment(model, creditNote),
      ublTaxTotal(model),
      ublMonetaryTotal(model),
      model.lines.map((line) => ublInvoiceLine(line, model.currencyCode, creditNote))
    )
  )
}
