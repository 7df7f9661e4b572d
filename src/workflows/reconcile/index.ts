export * from "./reconcile-side-effects"
export * from "./steps"
