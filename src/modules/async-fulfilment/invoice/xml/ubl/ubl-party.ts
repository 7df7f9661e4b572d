import type { InvoiceAddress, InvoiceParty } from "../../model/invoice-model"
import { el, group, leaf, XmlElement } from "../xml-element"

const vatScheme = () => el("cac:TaxScheme", null, leaf("cbc:ID", "VAT"))

/** BG-5 / BG-8 / BG-15 as a UBL address (StreetName = line 1, AdditionalStreetName = line 2). */
export function ublAddress(elementName: "cac:PostalAddress" | "cac:Address", address: InvoiceAddress): XmlElement {
  return el(
    elementName,
    null,
    leaf("cbc:StreetName", address.lines[0]),
    leaf("cbc:AdditionalStreetName", address.lines[1]),
    leaf("cbc:CityName", address.city),
    leaf("cbc:PostalZone", address.postalCode),
    leaf("cbc:CountrySubentity", address.subdivision),
    el("cac:Country", null, leaf("cbc:IdentificationCode", address.countryCode))
  )
}

/**
 * BG-4 seller / BG-7 buyer as cac:Party: electronic address (BT-34 / BT-49, scheme EM), address,
 * VAT ID, legal name with the seller's additional legal information (BT-33), contact.
 */
export function ublParty(party: InvoiceParty, contact: { name: string | null; phone: string | null; email: string | null }): XmlElement {
  return el(
    "cac:Party",
    null,
    leaf("cbc:EndpointID", party.email, { schemeID: "EM" }),
    ublAddress("cac:PostalAddress", party.address),
    party.vatId ? el("cac:PartyTaxScheme", null, leaf("cbc:CompanyID", party.vatId), vatScheme()) : null,
    el(
      "cac:PartyLegalEntity",
      null,
      leaf("cbc:RegistrationName", party.name),
      leaf("cbc:CompanyLegalForm", party.registration)
    ),
    contact.name
      ? group(
          "cac:Contact",
          null,
          leaf("cbc:Name", contact.name),
          leaf("cbc:Telephone", contact.phone),
          leaf("cbc:ElectronicMail", contact.email)
        )
      : null
  )
}

/** A VAT category (line's BG-30 or breakdown's), with the exemption reason where there is one. */
export function ublTaxCategory(
  elementName: "cac:TaxCategory" | "cac:ClassifiedTaxCategory",
  category: string,
  rate: string,
  exemption: { reasonCode: string | null; reason: string | null } = { reasonCode: null, reason: null }
): XmlElement {
  return el(
    elementName,
    null,
    leaf("cbc:ID", category),
    leaf("cbc:Percent", rate),
    leaf("cbc:TaxExemptionReasonCode", exemption.reasonCode),
    leaf("cbc:TaxExemptionReason", exemption.reason),
    vatScheme()
  )
}
