import { MedusaError } from "@medusajs/framework/utils"
import { asyncFulfilmentOptionsSchema, AsyncFulfilmentOptions } from "./schema"

const PLUGIN_NAME = "medusa-plugin-async-fulfilment"

type Issue = { path: PropertyKey[]; message: string }

function describeIssue(issue: Issue): string {
  const option = issue.path.length ? issue.path.map(String).join(".") : "(options)"
  return `\`${option}\`: ${issue.message}`
}

/**
 * Validates the plugin options once, at boot. Every problem is listed with the option's
 * dotted name, so a store owner sees `smtp.port: expected number` instead of a crash later.
 */
export function parseAsyncFulfilmentOptions(raw: unknown): AsyncFulfilmentOptions {
  // Medusa adds its own `database` settings to every module's options.
  const { database: _addedByMedusa, ...pluginOptions } = (raw ?? {}) as Record<string, unknown>
  const result = asyncFulfilmentOptionsSchema.safeParse(pluginOptions)
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues.map(describeIssue)
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `${PLUGIN_NAME}: invalid options:\n  - ${problems.join("\n  - ")}`
  )
}
