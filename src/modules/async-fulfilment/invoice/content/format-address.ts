import type { OrderDocumentAddress } from "../../types/order-document"
import { cleanText, joinPresent } from "./format-text"

/**
 * Postal block of an address, one entry per printed line: name, company, street lines,
 * "postal code city", province, upper-case country code. Blank fields are left out.
 * Returns [] for a null address or one whose fields are all blank.
 */
export function formatAddressLines(address: OrderDocumentAddress | null | undefined): string[] {
  if (!address) {
    return []
  }
  return [
    joinPresent([address.first_name, address.last_name]),
    cleanText(address.company),
    cleanText(address.address_1),
    cleanText(address.address_2),
    joinPresent([address.postal_code, address.city]),
    cleanText(address.province),
    cleanText(address.country_code).toUpperCase(),
  ].filter(Boolean)
}
