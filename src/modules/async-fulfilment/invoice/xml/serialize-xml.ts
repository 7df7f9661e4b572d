import type { XmlElement } from "./xml-element"

// Characters XML 1.0 cannot carry at all (C0 controls but tab and new line, U+FFFE/FFFF, lone surrogates).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text as XML character data: markup characters escaped, characters XML cannot hold removed, CR LF → LF. */
export function escapeXmlText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
}

/** An attribute value, double-quoted: also `"` and white space other than the space escaped. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;")
}

function render(element: XmlElement, depth: number, out: string[]): void {
  const indent = "  ".repeat(depth)
  const attributes = element.attributes.map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`).join("")
  if (element.text !== null) {
    out.push(`${indent}<${element.name}${attributes}>${escapeXmlText(element.text)}</${element.name}>`)
  } else if (element.children.length === 0) {
    out.push(`${indent}<${element.name}${attributes}/>`)
  } else {
    out.push(`${indent}<${element.name}${attributes}>`)
    for (const child of element.children) {
      render(child, depth + 1, out)
    }
    out.push(`${indent}</${element.name}>`)
  }
}

/** The document as UTF-8 XML text, indented by two spaces: the same tree always gives the same bytes. */
export function serializeXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>']
  render(root, 0, out)
  return `${out.join("\n")}\n`
}
