import type { OrderDocument, OrderDocumentAddress } from "../types/order-document"

/**
 * Blanks an address down to its country, which the VAT classification of the order (and so its
 * amounts) rests on and which names nobody.
 */
function blankAddress(address: OrderDocumentAddress | null): OrderDocumentAddress | null {
  if (!address) {
    return null
  }
  return {
    first_name: null,
    last_name: null,
    company: null,
    address_1: null,
    address_2: null,
    city: null,
    postal_code: null,
    province: null,
    country_code: address.country_code,
    phone: null,
    metadata: null,
  }
}

/**
 * The order document without what identifies the buyer: e-mail, names, addresses, phones and the
 * free-form metadata (VAT IDs, flags) are blanked. Kept: ids, lines, amounts, tax, payments and
 * the countries, which is what the order's figures need. The invoice itself (af_invoice, its
 * model and PDF) is not touched here: tax law requires it to be kept as issued.
 */
export function withoutPersonalData(document: OrderDocument, erasedAt: Date): OrderDocument {
  return {
    ...document,
    email: null,
    customer: document.customer
      ? { id: document.customer.id, first_name: null, last_name: null, company_name: null, group_ids: document.customer.group_ids, metadata: null }
      : null,
    billing_address: blankAddress(document.billing_address),
    shipping_address: blankAddress(document.shipping_address),
    metadata: null,
    erased_at: erasedAt.toISOString(),
  }
}
