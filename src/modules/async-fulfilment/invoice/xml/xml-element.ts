/**
 * A minimal XML tree for the e-invoice renderings: elements with attributes in the order given,
 * and either text or child elements (never mixed). Building with `el` and `leaf` drops absent
 * parts, so optional EN 16931 terms need no `if` around them.
 */
export interface XmlElement {
  name: string
  attributes: [string, string][]
  children: XmlElement[]
  text: string | null
}

export type XmlChild = XmlElement | null | undefined | false | XmlChild[]
type Attributes = Record<string, string | null | undefined>

const attributesOf = (attributes: Attributes | undefined): [string, string][] =>
  Object.entries(attributes ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string")

function flatten(children: XmlChild[]): XmlElement[] {
  return children.flatMap((child) => (Array.isArray(child) ? flatten(child) : child ? [child] : []))
}

/** An element with child elements; absent children (null, undefined, false) are left out. */
export function el(name: string, attributes: Attributes | null, ...children: XmlChild[]): XmlElement {
  return { name, attributes: attributesOf(attributes ?? undefined), children: flatten(children), text: null }
}

/** Like `el`, but absent when no child is present: for optional groups such as a contact. */
export function group(name: string, attributes: Attributes | null, ...children: XmlChild[]): XmlElement | null {
  const element = el(name, attributes, ...children)
  return element.children.length ? element : null
}

/** A text element; absent when the text is null, undefined or blank. */
export function leaf(name: string, text: string | number | null | undefined, attributes?: Attributes): XmlElement | null {
  if (text === null || text === undefined || String(text).trim() === "") {
    return null
  }
  return { name, attributes: attributesOf(attributes), children: [], text: String(text) }
}
