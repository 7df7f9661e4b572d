/** Trimmed text of a nullable field: null, undefined and non-text values become "". */
export function cleanText(value: unknown): string {
  if (typeof value === "string") {
    return value.trim()
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    return String(value)
  }
  return ""
}

/** Joins the non-empty parts with the separator, skipping null and blank parts. */
export function joinPresent(parts: unknown[], separator = " "): string {
  return parts.map(cleanText).filter(Boolean).join(separator)
}
