import type { InferTypeOf } from "@medusajs/framework/types"
import type { SideEffectJob } from "../models/side-effect-job"

/** A side-effect job as the module's service returns it. */
export type SideEffectJobDTO = InferTypeOf<typeof SideEffectJob>
