import {
  CATALOGUE,
  CatalogueProduct,
  PL_TAX_RATES,
  PROMOTION_CODES,
  SEED_STORE_SKUS,
  SWATCH_COUNT,
  swatchSku,
} from "../fixtures/einvoice-catalogue"
import type { EinvoiceShopper, StoreAddress } from "../fixtures/place-einvoice-order"
import type { EinvoiceStoreFixture } from "../fixtures/seed-einvoice-store"

type Line = { sku: string; quantity: number }
type CaseShopper = Omit<EinvoiceShopper, "items"> & { lines: Line[] }

/** A case of issue 13's test matrix: the checkout, and what the order must hold. */
export interface MatrixCase {
  name: string
  shopper: CaseShopper
  /** per SKU, the tax rate Medusa must apply in percent; null: no tax line (reverse charge) */
  ratesBySku: Record<string, number | null>
  /** the shipping method's tax rate */
  shippingRate: number | null
  /** the buyer VAT ID as the storefront stored it, and where */
  buyerVatId?: { value: string; on: "order" | "billing address" }
  /** the 0 % line and the tax rate name that gives its legal basis */
  exemption?: { sku: string; reason: string }
  promotion?: "items" | "shipping"
}

const { book, assembly, course, notebook, pencil, chair, candle } = CATALOGUE
const { tshirt, desk } = SEED_STORE_SKUS
const productBySku = new Map<string, CatalogueProduct>(Object.values(CATALOGUE).map((product) => [product.sku, product]))

const address = {
  krakow: { address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: "pl", phone: "+48 600 000 000" },
  berlin: { address_1: "Hauptstraße 7", city: "Berlin", postal_code: "10115", country_code: "de", phone: "+49 30 000000" },
  munich: { address_1: "Leopoldstraße 21", city: "München", postal_code: "80802", country_code: "de" },
  besancon: { address_1: "12 rue de l'Église", city: "Besançon", postal_code: "25000", country_code: "fr" },
  lodz: { address_1: "ul. Źródłowa 8/15", address_2: "c/o Françoise Lefèvre-Gößling", city: "Łódź", postal_code: "91-733", country_code: "pl" },
} satisfies Record<string, Omit<StoreAddress, "first_name" | "last_name">>

/**
 * How tax falls in the store seed-einvoice-store seeds: Poland 23 % unless the product has an
 * override, Germany 19 %, France 20 %; none where the euro-zone storefront did not ask for it.
 */
function rateFor(sku: string | null, shopper: CaseShopper): number | null {
  if (shopper.currency === "eur" && !shopper.calculateTaxes) {
    return null
  }
  const override = sku ? productBySku.get(sku)?.plTaxRate : undefined
  const country = shopper.address.country_code
  if (country === "pl") {
    return override ? PL_TAX_RATES[override].rate : 23
  }
  return country === "de" ? 19 : 20
}

function matrixCase(name: string, shopper: CaseShopper, extra: Partial<MatrixCase> = {}): MatrixCase {
  return {
    name,
    shopper,
    ratesBySku: Object.fromEntries(shopper.lines.map((line) => [line.sku, rateFor(line.sku, shopper)])),
    shippingRate: rateFor(null, shopper),
    ...extra,
  }
}

const line = (product: { sku: string } | string, quantity: number): Line => ({
  sku: typeof product === "string" ? product : product.sku,
  quantity,
})

const polishConsumer = (email: string, first_name: string, last_name: string, lines: Line[]): CaseShopper => ({
  email,
  currency: "pln",
  address: { first_name, last_name, ...address.krakow },
  lines,
})

/** a German consumer's storefront asks Medusa for the tax (the euro zone has no automatic taxes) */
const germanConsumer = (email: string, first_name: string, last_name: string, lines: Line[]): CaseShopper => ({
  email,
  currency: "eur",
  address: { first_name, last_name, ...address.berlin },
  lines,
  calculateTaxes: true,
})

/** The matrix: every case places one real order through the store API. */
export const MATRIX_CASES: MatrixCase[] = [
  matrixCase("B2C PL 23 %", polishConsumer("anna.nowak@example.com", "Anna", "Nowak", [line(tshirt, 2)])),
  matrixCase(
    "B2B PL with NIP on the billing address",
    {
      ...polishConsumer("zakupy@nowak-meble.example", "Piotr", "Nowak", [line(desk, 1), line(tshirt, 3)]),
      address: { first_name: "Piotr", last_name: "Nowak", company: "Nowak Meble Sp. z o.o.", ...address.krakow },
      // as the buyer typed it: no country prefix, dashes
      billingMetadata: { vat_id: "526-104-08-28" },
    },
    { buyerVatId: { value: "526-104-08-28", on: "billing address" } }
  ),
  matrixCase(
    "23 %, 8 % and 5 % in one order",
    polishConsumer("marek.wisniewski@example.com", "Marek", "Wiśniewski", [line(tshirt, 1), line(assembly, 1), line(book, 2)])
  ),
  matrixCase(
    "0 % exempt line with its reason",
    polishConsumer("ewa.kaminska@example.com", "Ewa", "Kamińska", [line(course, 1), line(tshirt, 1)]),
    { exemption: { sku: course.sku, reason: PL_TAX_RATES.exempt.name } }
  ),
  matrixCase(
    "promotion discount (10 % off items, two rates)",
    {
      ...polishConsumer("tomasz.lewandowski@example.com", "Tomasz", "Lewandowski", [line(tshirt, 2), line(book, 1)]),
      promoCodes: [PROMOTION_CODES.itemsTenPercent],
    },
    { promotion: "items" }
  ),
  matrixCase(
    "free shipping (promotion)",
    {
      ...polishConsumer("agata.zielinska@example.com", "Agata", "Zielińska", [line(tshirt, 1)]),
      promoCodes: [PROMOTION_CODES.freeShipping],
    },
    { promotion: "shipping" }
  ),
  matrixCase(
    "EUR to a German consumer (19 %)",
    germanConsumer("lena.fischer@example.com", "Lena", "Fischer", [line(tshirt, 1), line(chair, 1)])
  ),
  matrixCase(
    "intra-EU reverse charge (German business, no VAT charged)",
    {
      email: "einkauf@mueller-bueromoebel.example",
      currency: "eur",
      address: { first_name: "Jürgen", last_name: "Müller", company: "Müller Büromöbel GmbH", ...address.munich },
      metadata: { vat_id: "DE 136 695 976" },
      lines: [line(desk, 2), line(chair, 1)],
    },
    { buyerVatId: { value: "DE 136 695 976", on: "order" } }
  ),
  matrixCase(
    "60 lines (multi-page)",
    polishConsumer(
      "hurt@farby-kolor.example",
      "Katarzyna",
      "Dąbrowska",
      Array.from({ length: SWATCH_COUNT }, (_, i) => line(swatchSku(i + 1), (i % 3) + 1))
    )
  ),
  matrixCase(
    "rounding, gross prices: 3 × 33.33 and 7 × 0.99 PLN",
    polishConsumer("jan.kowalczyk@example.com", "Jan", "Kowalczyk", [line(notebook, 3), line(pencil, 7)])
  ),
  matrixCase(
    "rounding, net prices: 3 × 33.33 and 7 × 0.99 EUR",
    germanConsumer("max.weber@example.com", "Max", "Weber", [line(notebook, 3), line(pencil, 7)])
  ),
  matrixCase("Polish, German and French letters", {
    email: "lucja.zolkiewska@example.com",
    currency: "pln",
    address: { first_name: "Łucja", last_name: "Żółkiewska-Groß", company: "Gęślą Jaźń & Fils S.à r.l.", ...address.lodz },
    lines: [line(chair, 1), line(candle, 1), line(book, 1)],
  }),
  matrixCase("French buyer, metadata.locale fr", {
    email: "francoise.lefevre@example.com",
    currency: "eur",
    address: { first_name: "Françoise", last_name: "Lefèvre", ...address.besancon },
    metadata: { locale: "fr" },
    lines: [line(candle, 2)],
    calculateTaxes: true,
  }),
]

/** The case's checkout with the seeded store's variant ids. */
export function shopperFor(matrixCase: MatrixCase, store: EinvoiceStoreFixture): EinvoiceShopper {
  const { lines, ...shopper } = matrixCase.shopper
  return {
    ...shopper,
    items: lines.map(({ sku, quantity }) => {
      const variant_id = store.variantIdBySku[sku]
      if (!variant_id) {
        throw new Error(`matrix case "${matrixCase.name}": no variant with SKU ${sku} in the seeded store`)
      }
      return { variant_id, quantity }
    }),
  }
}
