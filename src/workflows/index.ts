export * from "./reconcile"
export * from "./risk"
export * from "./side-effects"
