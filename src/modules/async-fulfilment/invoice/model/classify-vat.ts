import type { InvoiceModelTexts } from "./invoice-model-texts"
import type { VatCategoryCode } from "./invoice-model"
import { isEuMemberState } from "./eu-member-states"
import { ReverseChargeVatIdMissingError } from "../../errors/reverse-charge-vat-id-missing-error"

/** Who trades with whom: what decides the category of an untaxed line. */
export interface VatParties {
  orderId: string
  sellerCountry: string
  sellerVatId: string | null
  buyerCountry: string
  buyerVatId: string | null
  /** a company name on the billing address or the customer */
  buyerIsCompany: boolean
  /** the metadata key the buyer's VAT ID is read from (for the error message) */
  buyerTaxIdKey: string
}

export interface VatClassification {
  category: VatCategoryCode
  rate: number
  /** BT-120 */
  reason: string | null
  /** BT-121 */
  reasonCode: string | null
}

/** 23 → 23, 2.4000000000000004 → 2.4: rates as EN 16931 compares them (decimal equality). */
export function cleanVatRate(rate: number | null | undefined): number {
  return rate ? Math.round(rate * 10_000) / 10_000 : 0
}

function isIntraEuB2b(parties: VatParties): boolean {
  return (
    isEuMemberState(parties.sellerCountry) &&
    isEuMemberState(parties.buyerCountry) &&
    parties.sellerCountry !== parties.buyerCountry &&
    (parties.buyerVatId !== null || parties.buyerIsCompany)
  )
}

/**
 * A line's VAT category: charged VAT → S; no VAT on an intra-EU B2B supply across a border →
 * AE (reverse charge, both VAT IDs required); no VAT to a buyer outside the EU → G; any other
 * 0 % → E, with the tax rate's name as the reason when it has one.
 */
export function classifyVat(
  rate: number,
  taxRateNames: string[],
  parties: VatParties,
  texts: InvoiceModelTexts
): VatClassification {
  if (rate > 0) {
    return { category: "S", rate, reason: null, reasonCode: null }
  }
  if (isIntraEuB2b(parties)) {
    if (!parties.buyerVatId) {
      const where = `the buyer's VAT ID under metadata key "${parties.buyerTaxIdKey}" on the order, its billing address or the customer`
      throw new ReverseChargeVatIdMissingError(parties.orderId, "buyer", where)
    }
    if (!parties.sellerVatId) {
      throw new ReverseChargeVatIdMissingError(parties.orderId, "seller", "invoice.seller.vatId in the plugin options")
    }
    return { category: "AE", rate: 0, reason: texts.reverseChargeReason, reasonCode: "VATEX-EU-AE" }
  }
  if (!isEuMemberState(parties.buyerCountry)) {
    return { category: "G", rate: 0, reason: texts.exportReason, reasonCode: "VATEX-EU-G" }
  }
  const named = [...new Set(taxRateNames.map((name) => name.trim()).filter(Boolean))]
  return { category: "E", rate: 0, reason: named.length ? named.join("; ") : texts.exemptReason, reasonCode: null }
}
