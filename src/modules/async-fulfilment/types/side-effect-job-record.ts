import type { InferTypeOf } from "@medusajs/framework/types"
import type { SideEffectJob } from "../models/side-effect-job"

/** A side-effect row as the module's service returns it. */
export type SideEffectJobRecord = InferTypeOf<typeof SideEffectJob>
