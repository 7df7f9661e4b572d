import { ciiDate, xmlAmount, xmlDecimal, xmlPrice } from "../format-xml-values"
import { escapeXmlAttribute, escapeXmlText, serializeXml } from "../serialize-xml"
import { el, group, leaf } from "../xml-element"

describe("the XML element builder", () => {
  it("writes a declaration, two-space indentation, text inline and empty elements closed", () => {
    const xml = serializeXml(
      el("a:Root", { "xmlns:a": "urn:a" }, el("a:Child", { id: "1" }, leaf("a:Text", "x")), el("a:Empty", null))
    )
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a:Root xmlns:a="urn:a">\n  <a:Child id="1">\n    <a:Text>x</a:Text>\n  </a:Child>\n  <a:Empty/>\n</a:Root>\n'
    )
  })

  it("leaves out absent parts: null, undefined, false, blank text, attributes without value, empty groups", () => {
    const xml = serializeXml(
      el("r", { keep: "yes", drop: null, gone: undefined }, null, undefined, false, leaf("blank", "  "), leaf("none", null), group("g", null, leaf("x", null)), [leaf("zero", 0), [leaf("n", "1")]])
    )
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<r keep="yes">\n  <zero>0</zero>\n  <n>1</n>\n</r>\n')
  })

  it("escapes markup in text and attributes", () => {
    expect(escapeXmlText(`Fils & <SARL> "l'œuvre" ]]>`)).toBe(`Fils &amp; &lt;SARL&gt; "l'œuvre" ]]&gt;`)
    expect(escapeXmlAttribute(`a"b&c<d>\te\nf`)).toBe("a&quot;b&amp;c&lt;d&gt;&#9;e&#10;f")
    expect(serializeXml(leaf("t", "1 < 2 & 3", { name: 'say "hi"' })!)).toContain('<t name="say &quot;hi&quot;">1 &lt; 2 &amp; 3</t>')
  })

  it("removes what XML 1.0 cannot carry and keeps every letter, emoji included", () => {
    expect(escapeXmlText("a\u0000b\u0007c\u000Bd\uFFFEe\uD800f\uDC00g")).toBe("abcdefg")
    expect(escapeXmlText("Zażółć gęślą jaźń — Größe — Noël 🪑\ttab\r\nnew")).toBe("Zażółć gęślą jaźń — Größe — Noël 🪑\ttab\nnew")
  })

  it("gives the same bytes for the same tree", () => {
    const build = () => serializeXml(el("r", { b: "2", a: "1" }, leaf("x", "ü")))
    expect(build()).toBe(build())
    expect(build()).toContain('<r b="2" a="1">')
  })
})

describe("EN 16931 number and date formats", () => {
  it.each([
    [12.3, "12.30"],
    [0, "0.00"],
    [-0, "0.00"],
    [1234567.891, "1234567.89"],
    [-4.5, "-4.50"],
    [0.1 + 0.2, "0.30"],
    [4072, "4072.00"],
  ])("amount %p → %s", (value, expected) => expect(xmlAmount(value)).toBe(expected))

  it.each([
    [33.33, "33.33"],
    [33.3267, "33.3267"],
    [2790, "2790.00"],
    [0.99, "0.99"],
    [12.5, "12.50"],
    [1.23456, "1.2346"],
  ])("price %p → %s", (value, expected) => expect(xmlPrice(value)).toBe(expected))

  it.each([
    [23, "23"],
    [5.5, "5.5"],
    [14.975, "14.975"],
    [2.4000000000000004, "2.4"],
    [3, "3"],
    [0.25, "0.25"],
    [1e-7, "0"],
  ])("quantity or percentage %p → %s", (value, expected) => expect(xmlDecimal(value)).toBe(expected))

  it("writes CII dates in format 102", () => {
    expect(ciiDate("2026-11-21")).toBe("20261121")
  })
})
