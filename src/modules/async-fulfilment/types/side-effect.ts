/** The three side effects of a placed order; each is one BullMQ queue and one side-effect job per order. */
export const SIDE_EFFECT_KINDS = ["invoice", "mail", "erp"] as const
export type SideEffectKind = (typeof SIDE_EFFECT_KINDS)[number]
