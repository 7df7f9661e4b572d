const PLACEHOLDER = /\{(\w+)\}/g

/**
 * Replaces each "{name}" of a translation with `values[name]`. `literal` transforms the text
 * between placeholders (escapeHtml for HTML, whose values are then HTML already). A placeholder
 * without a value throws: a translation asked for something the caller does not provide.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string | number>>,
  literal: (text: string) => string = (text) => text
): string {
  let result = ""
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      throw new Error(`The text ${JSON.stringify(template)} needs a value for {${name}}`)
    }
    result += literal(template.slice(last, match.index)) + String(values[name])
    last = match.index! + match[0].length
  }
  return result + literal(template.slice(last))
}

/** The placeholder names a translation uses, e.g. ["page", "pages"]. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1])
}
