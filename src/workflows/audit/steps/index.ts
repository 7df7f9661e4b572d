export * from "./record-audit-entries"
