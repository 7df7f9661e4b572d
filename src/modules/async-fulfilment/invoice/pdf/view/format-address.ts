import type { InvoiceAddress } from "../../model/invoice-model"
import type { PdfFormatters } from "../pdf-formatters"

/** Street lines, "postal code city[, subdivision]", then the country's name in the invoice's language. */
export function formatAddressLines(address: InvoiceAddress, format: PdfFormatters): string[] {
  const city = [address.postalCode, address.city].filter(Boolean).join(" ")
  const locality = [city, address.subdivision].filter(Boolean).join(", ")
  return [...address.lines, locality, format.country(address.countryCode)].filter(Boolean)
}

/** "PL61109010140000071219812874" → "PL61 1090 1014 0000 0712 1981 2874" */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ")
}
