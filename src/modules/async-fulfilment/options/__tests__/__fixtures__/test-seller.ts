/** The smallest valid `invoice.seller` option, for tests whose subject is not the invoice. */
export const TEST_SELLER = {
  name: "Shop Sp. z o.o.",
  vatId: "PL5250000000",
  address: { line1: "ul. Prosta 1", city: "Warszawa", postalCode: "00-001", countryCode: "PL" },
}
