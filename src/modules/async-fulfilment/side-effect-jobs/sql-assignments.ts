import type { SideEffectJobChange } from "./state-machine"

const JSONB_COLUMNS = new Set(["result", "error_history"])

/** A transition's field set as `column = ?` assignments (plus `updated_at`) with their parameters. */
export function toSqlAssignments(change: SideEffectJobChange): { sql: string; params: unknown[] } {
  const entries = Object.entries(change)
  const assignments = entries.map(([column]) => (JSONB_COLUMNS.has(column) ? `${column} = ?::jsonb` : `${column} = ?`))
  return {
    sql: [...assignments, "updated_at = now()"].join(", "),
    params: entries.map(([column, value]) => (JSONB_COLUMNS.has(column) ? JSON.stringify(value ?? null) : value)),
  }
}

/** `?, ?, ?` for a list bound as parameters. */
export const placeholders = (values: readonly unknown[]): string => values.map(() => "?").join(", ")
