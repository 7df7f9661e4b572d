import type { SideEffectKind } from "../types/side-effect"
import type { AsyncFulfilmentOptions } from "./schema"

/** The side effects this store runs: the mail only when SMTP is configured. */
export function enabledSideEffectKinds(options: Pick<AsyncFulfilmentOptions, "smtp">): SideEffectKind[] {
  return options.smtp ? ["invoice", "mail", "erp"] : ["invoice", "erp"]
}
