export * from "./enqueue-credit-note-side-effects"
export * from "./issue-cancellation-credit-note"
export * from "./settle-canceled-order"
