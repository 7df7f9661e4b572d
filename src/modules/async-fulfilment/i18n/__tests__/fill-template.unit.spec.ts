import { escapeHtml } from "../../mail/escape-html"
import { fillTemplate, placeholdersOf } from "../fill-template"

describe("fillTemplate", () => {
  it("replaces every placeholder, numbers included, and leaves other braces' text alone", () => {
    expect(fillTemplate("Page {page} of {pages}", { page: 1, pages: 3 })).toBe("Page 1 of 3")
    expect(fillTemplate("{a}{a} {not a placeholder}", { a: "x" })).toBe("xx {not a placeholder}")
  })

  it("transforms only the wording between placeholders", () => {
    expect(fillTemplate("<{b}> & {b}", { b: "<strong>1</strong>" }, escapeHtml)).toBe(
      "&lt;<strong>1</strong>&gt; &amp; <strong>1</strong>"
    )
  })

  it("throws when a placeholder has no value", () => {
    expect(() => fillTemplate("Payable within {days} days", {})).toThrow(
      'The text "Payable within {days} days" needs a value for {days}'
    )
  })

  it("lists a text's placeholders", () => {
    expect(placeholdersOf("{days} days, by {dueDate}")).toEqual(["days", "dueDate"])
    expect(placeholdersOf("Paid")).toEqual([])
  })
})
