import { PermanentSideEffectError } from "./permanent-side-effect-error"

/**
 * An intra-EU B2B order on which Medusa charged no VAT is reverse charge, and a reverse-charge
 * invoice must carry both VAT IDs (EN 16931 BR-AE-02): without one the invoice cannot be issued.
 */
export class ReverseChargeVatIdMissingError extends PermanentSideEffectError {
  /** "buyer" or "seller" */
  readonly party: "buyer" | "seller"

  constructor(orderId: string, party: "buyer" | "seller", where: string) {
    super(
      `Order ${orderId} is an intra-EU reverse-charge supply (no VAT charged, buyer and seller in different EU ` +
        `countries) but the ${party}'s VAT ID is missing: set ${where}`
    )
    this.name = "ReverseChargeVatIdMissingError"
    this.party = party
  }
}
