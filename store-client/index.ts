/**
 * A small client of a running store, over its HTTP API: storefront checkout and the admin calls
 * the demo, the bench and the tests make. Outside integration-tests/ so the demo needs no test code.
 */
export * from "./admin-api"
export * from "./place-order"
export * from "./seeded-store"
export * from "./store-request"
