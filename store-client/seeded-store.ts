/** What a storefront needs to know about the seeded store (dev-support/seed-store.ts). */
export interface StoreFixture {
  publishableKey: string
  salesChannelId: string
  regions: { eur: string; pln: string }
  variants: { tshirt: string; desk: string }
}
