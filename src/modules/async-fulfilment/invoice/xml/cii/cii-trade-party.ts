import type { InvoiceAddress, InvoiceParty } from "../../model/invoice-model"
import { el, group, leaf, XmlElement } from "../xml-element"

/** BG-5 / BG-8 / BG-15: a postal address, in the order of the D16B schema. */
export function ciiAddress(address: InvoiceAddress): XmlElement {
  return el(
    "ram:PostalTradeAddress",
    null,
    leaf("ram:PostcodeCode", address.postalCode),
    leaf("ram:LineOne", address.lines[0]),
    leaf("ram:LineTwo", address.lines[1]),
    leaf("ram:CityName", address.city),
    leaf("ram:CountryID", address.countryCode),
    leaf("ram:CountrySubDivisionName", address.subdivision)
  )
}

function contact(name: string | null, phone: string | null, email: string | null): XmlElement | null {
  return group(
    "ram:DefinedTradeContact",
    null,
    leaf("ram:PersonName", name),
    group("ram:TelephoneUniversalCommunication", null, leaf("ram:CompleteNumber", phone)),
    group("ram:EmailURIUniversalCommunication", null, leaf("ram:URIID", email))
  )
}

/**
 * BG-4 seller / BG-7 buyer: name, seller's additional legal information (BT-33), contact,
 * address, electronic address (BT-34 / BT-49, scheme EM: e-mail) and VAT ID (scheme VA).
 */
export function ciiTradeParty(
  elementName: "ram:SellerTradeParty" | "ram:BuyerTradeParty",
  party: InvoiceParty,
  contactName: string | null
): XmlElement {
  const isSeller = elementName === "ram:SellerTradeParty"
  return el(
    elementName,
    null,
    leaf("ram:Name", party.name),
    leaf("ram:Description", party.registration),
    contactName ? contact(contactName, party.phone, isSeller ? party.email : null) : null,
    ciiAddress(party.address),
    group("ram:URIUniversalCommunication", null, leaf("ram:URIID", party.email, { schemeID: "EM" })),
    group("ram:SpecifiedTaxRegistration", null, leaf("ram:ID", party.vatId, { schemeID: "VA" }))
  )
}
