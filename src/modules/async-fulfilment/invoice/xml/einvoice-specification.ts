import type { InvoiceModel } from "../model/invoice-model"

export const EN16931_SPECIFICATION_ID = "urn:cen.eu:en16931:2017"
export const XRECHNUNG_SPECIFICATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"

/** BT-24: the specification the e-invoice follows (CII guideline parameter, UBL CustomizationID). */
export function specificationIdOf(model: InvoiceModel): string {
  return model.profile === "xrechnung" ? XRECHNUNG_SPECIFICATION_ID : EN16931_SPECIFICATION_ID
}

/** BT-41: the seller contact point, named after the seller when the model names no person. */
export function sellerContactNameOf(model: InvoiceModel): string | null {
  const { seller } = model
  return seller.email || seller.phone ? (seller.contactName ?? seller.name) : null
}
