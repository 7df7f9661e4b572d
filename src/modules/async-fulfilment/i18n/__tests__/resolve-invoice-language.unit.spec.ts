import { makeOrderDocument } from "../../__tests__/__fixtures__/order-document"
import type { OrderDocument } from "../../types/order-document"
import { languageOfLocale, resolveInvoiceLanguage } from "../resolve-invoice-language"

function orderFrom(country: string | null, metadata: OrderDocument["metadata"] = null): OrderDocument {
  const order = makeOrderDocument({ metadata })
  order.billing_address = country === null ? null : { ...order.billing_address!, country_code: country }
  return order
}

const settings = { default: "de", byCountry: { PL: "pl", fr: "fr", AT: "de" } }

describe("languageOfLocale", () => {
  it.each([
    ["fr", "fr"],
    ["fr-FR", "fr"],
    ["FR", "fr"],
    ["de_DE", "de"],
    [" pl-PL ", "pl"],
    ["en-GB", "en"],
    ["pl-Latn-PL", "pl"],
  ])("reads %j as %s", (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language)
  })

  it.each([["es"], ["es-ES"], ["not a locale"], [""], [42], [null], [undefined], [{ locale: "fr" }]])(
    "finds no supported language in %j",
    (value) => {
      expect(languageOfLocale(value)).toBeNull()
    }
  )
})

describe("resolveInvoiceLanguage", () => {
  it("takes the order metadata's locale first", () => {
    expect(resolveInvoiceLanguage(orderFrom("pl", { locale: "fr" }), settings)).toBe("fr")
    expect(resolveInvoiceLanguage(orderFrom("pl", { locale: "de_DE" }), settings)).toBe("de")
    expect(resolveInvoiceLanguage(orderFrom("pl", { locale: "en-US" }), settings)).toBe("en")
  })

  it("falls back to the billing country's language when the locale names none it supports", () => {
    expect(resolveInvoiceLanguage(orderFrom("pl", { locale: "es-ES" }), settings)).toBe("pl")
    expect(resolveInvoiceLanguage(orderFrom("pl", { locale: 7 }), settings)).toBe("pl")
    expect(resolveInvoiceLanguage(orderFrom("pl"), settings)).toBe("pl")
  })

  it("matches countries in either case", () => {
    expect(resolveInvoiceLanguage(orderFrom("FR"), settings)).toBe("fr")
    expect(resolveInvoiceLanguage(orderFrom("at"), settings)).toBe("de")
  })

  it("uses the shipping country when the order has no billing address", () => {
    const order = orderFrom(null)
    order.shipping_address = { ...makeOrderDocument().billing_address!, country_code: "pl" }
    expect(resolveInvoiceLanguage(order, settings)).toBe("pl")
  })

  it("takes the default for other countries, and English without one", () => {
    expect(resolveInvoiceLanguage(orderFrom("gb"), settings)).toBe("de")
    expect(resolveInvoiceLanguage(orderFrom(null), settings)).toBe("de")
    expect(resolveInvoiceLanguage(orderFrom("pl"), { default: "fr-FR" })).toBe("fr")
    expect(resolveInvoiceLanguage(orderFrom("gb"), { byCountry: { PL: "pl" } })).toBe("en")
    expect(resolveInvoiceLanguage(orderFrom("pl"), {})).toBe("en")
    expect(resolveInvoiceLanguage(orderFrom("pl"), undefined)).toBe("en")
  })

  it("skips configured languages it has no translations for", () => {
    expect(resolveInvoiceLanguage(orderFrom("es"), { default: "pl", byCountry: { ES: "es" } })).toBe("pl")
    expect(resolveInvoiceLanguage(orderFrom("es"), { default: "es" })).toBe("en")
  })
})
