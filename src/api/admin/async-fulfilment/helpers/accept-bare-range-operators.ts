import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const RANGE_OPERATORS = ["gt", "gte", "lt", "lte"]

/**
 * Range filters are validated by Medusa's `createOperatorMap()`, which reads `amount[$gte]=…`.
 * This API documents `amount[gte]=…` (and Medusa reads `amount.gte=…` as the same): both get
 * their `$` before validation, so a bad value's error names the field as sent. Keys other than
 * gt, gte, lt and lte are refused rather than dropped.
 */
export const acceptBareRangeOperators =
  (field: string) => (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const query = req.query as Record<string, unknown>
    const refuse = (key: string) =>
      next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Invalid request: Unrecognized fields: '${field}, ${key}' (a range takes gt, gte, lt or lte)`
        )
      )
    const range = query[field]
    if (range && typeof range === "object" && !Array.isArray(range)) {
      const renamed: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(range)) {
        const operator = key.replace(/^\$/, "")
        if (!RANGE_OPERATORS.includes(operator)) {
          return refuse(key)
        }
        renamed[`$${operator}`] = value
      }
      query[field] = renamed
    }
    for (const key of Object.keys(query).filter((key) => key.startsWith(`${field}.`))) {
      const operator = key.slice(field.length + 1).replace(/^\$/, "")
      if (!RANGE_OPERATORS.includes(operator)) {
        return refuse(key.slice(field.length + 1))
      }
      const value = query[key]
      delete query[key]
      query[`${field}.$${operator}`] = value
    }
    next()
  }
