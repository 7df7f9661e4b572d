import { medusaOrderDocument, ItemSpec, OrderSpec, ShippingSpec, TaxSpec } from "./medusa-order"

/** mulberry32: a small seeded PRNG, so a failing cart can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TAX_CHOICES: (TaxSpec[] | undefined)[] = [
  [{ rate: 23 }], [{ rate: 23 }], [{ rate: 8 }], [{ rate: 5 }], [{ rate: 19 }], [{ rate: 7 }], [{ rate: 20 }],
  [{ rate: 21 }], [{ rate: 5.5 }], [{ rate: 0, name: "Zwolnione z VAT" }], [{ rate: 5 }, { rate: 9.975 }], undefined,
]

/**
 * A random cart as Medusa would total it: 1–12 items and 0–2 shipping methods, prices with and
 * without tax, sub-cent prices now and then, promotions (tax-inclusive or not), several currencies.
 */
export function randomOrder(seed: number): OrderSpec & { document: ReturnType<typeof medusaOrderDocument> } {
  const random = seededRandom(seed)
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]
  const currency = pick(["pln", "pln", "eur", "eur", "chf", "jpy"])
  const wholeUnits = currency === "jpy"
  const price = () => {
    const base = random() < 0.2 ? random() * 10 : random() * 1500
    const decimals = wholeUnits ? 0 : random() < 0.15 ? 4 : 2
    return Math.max(Number(base.toFixed(decimals)), wholeUnits ? 1 : 0.01)
  }
  const items: ItemSpec[] = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, index) => {
    const unit_price = price()
    const quantity = 1 + Math.floor(random() * (random() < 0.1 ? 100 : 10))
    const taxInclusive = random() < 0.5
    const adjustments = random() < 0.3
      ? [{ amount: Number((unit_price * quantity * random() * 0.5).toFixed(wholeUnits ? 0 : 3)), code: `PROMO${index}`, is_tax_inclusive: random() < 0.5 }]
      : []
    return { title: `Item ${index + 1}`, unit_price, quantity, tax: pick(TAX_CHOICES), taxInclusive, adjustments }
  })
  const shipping: ShippingSpec[] = Array.from({ length: Math.floor(random() * 3) }, (_, index) => {
    const amount = random() < 0.2 ? 0 : price() / 20
    const taxInclusive = random() < 0.5
    // a promotion takes at most the net price (Medusa applies shipping adjustments to the net)
    const net = taxInclusive ? amount / 1.3 : amount
    return {
      name: `Carrier ${index + 1}`,
      amount: Number(amount.toFixed(wholeUnits ? 0 : 2)),
      tax: pick(TAX_CHOICES),
      taxInclusive,
      adjustments: random() < 0.2 ? [{ amount: Number((net * random()).toFixed(3)), code: `SHIP${index}` }] : [],
    }
  })
  const spec: OrderSpec = {
    currency,
    items,
    shipping,
    billing: { first_name: "Zofia", last_name: "Wiśniewska", address_1: "ul. Długa 1", city: "Gdańsk", postal_code: "80-001", country_code: "pl" },
    payment: random() < 0.5 ? "authorized" : "not_paid",
    displayId: seed,
  }
  return { ...spec, document: medusaOrderDocument(spec) }
}
