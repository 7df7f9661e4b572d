/** One entry of a CII invoice's VAT breakdown (BG-23). */
export interface CiiVatEntry {
  /** BT-118: S, Z, E, AE, G… */
  category: string
  /** BT-119, percent */
  rate: number
  /** BT-116 */
  basis: number
  /** BT-117 */
  vat: number
  /** BT-120 */
  exemptionReason: string | null
}

/** What a test compares a CII invoice with: its VAT breakdown, gross total and buyer VAT ID. */
export interface CiiSummary {
  vatBreakdown: CiiVatEntry[]
  /** BT-112 */
  grandTotal: string
  /** BT-48 */
  buyerVatId: string | null
}

const unescape = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&")

function element(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml)
  return match ? match[1] : null
}

function required(xml: string, name: string): string {
  const value = element(xml, name)
  if (value === null) {
    throw new Error(`the CII invoice has no ${name} where one is required`)
  }
  return value
}

const leaf = (xml: string, name: string) => unescape(required(xml, name).trim())

/**
 * Reads the few values a test needs from a CII invoice with the `ram:` prefix (as the plugin
 * writes it) by pattern, not by a full XML parser: the header settlement's VAT breakdown (the
 * line-level ApplicableTradeTax elements carry no BasisAmount), the grand total and BT-48.
 */
export function readCiiSummary(xml: string): CiiSummary {
  const settlement = required(xml, "ram:ApplicableHeaderTradeSettlement")
  const taxBlocks = settlement.match(/<ram:ApplicableTradeTax>[\s\S]*?<\/ram:ApplicableTradeTax>/g) ?? []
  const buyer = element(xml, "ram:BuyerTradeParty") ?? ""
  const buyerVatId = /<ram:ID schemeID="VA">([^<]*)<\/ram:ID>/.exec(buyer)?.[1] ?? null
  return {
    vatBreakdown: taxBlocks.map((block) => ({
      category: leaf(block, "ram:CategoryCode"),
      rate: Number(leaf(block, "ram:RateApplicablePercent")),
      basis: Number(leaf(block, "ram:BasisAmount")),
      vat: Number(leaf(block, "ram:CalculatedAmount")),
      exemptionReason: element(block, "ram:ExemptionReason") === null ? null : leaf(block, "ram:ExemptionReason"),
    })),
    grandTotal: leaf(settlement, "ram:GrandTotalAmount"),
    buyerVatId: buyerVatId === null ? null : unescape(buyerVatId),
  }
}
