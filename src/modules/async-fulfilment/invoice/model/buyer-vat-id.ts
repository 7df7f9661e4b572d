import type { OrderDocument } from "../../types/order-document"
import { compactVatId } from "../../options/vat-id-shape"
import { vatIdPrefixOf } from "./eu-member-states"

function readKey(metadata: Record<string, unknown> | null | undefined, key: string): string | null {
  const value = metadata?.[key]
  if (typeof value === "number" && Number.isFinite(value)) {
    return String(value)
  }
  return typeof value === "string" && value.trim() !== "" ? value : null
}

/**
 * "pl 526-104-08-28" → "PL5261040828": spaces, dots and dashes go, letters are upper-cased, and an
 * ID written without its country prefix (a Polish NIP as customers type it) gets the buyer's
 * country's (EN 16931 BR-CO-09 wants the prefix).
 */
export function normalizeVatId(raw: string, countryCode: string | null): string {
  const compact = compactVatId(raw)
  if (/^[A-Z]{2}/.test(compact) || !countryCode) {
    return compact
  }
  return `${vatIdPrefixOf(countryCode)}${compact}`
}

/**
 * The buyer's VAT ID: the metadata key (`invoice.buyerTaxIdKey`, default `vat_id`) on the order,
 * then on the billing address, then on the customer; null when none has it.
 */
export function findBuyerVatId(order: OrderDocument, key: string, countryCode: string | null): string | null {
  const raw =
    readKey(order.metadata, key) ?? readKey(order.billing_address?.metadata, key) ?? readKey(order.customer?.metadata, key)
  return raw === null ? null : normalizeVatId(raw, countryCode)
}
