export * from "./reconcile"
export * from "./risk"
export * from "./privacy"
export * from "./side-effects"
