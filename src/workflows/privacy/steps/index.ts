export * from "./erase-customer-personal-data"
export * from "./erase-expired-order-snapshots"
