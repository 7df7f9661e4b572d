import type { InvoiceLanguage } from "../invoice/model/invoice-model"
import type { OrderDocument } from "../types/order-document"
import { isSupportedLanguage } from "./registry"

/** The `invoice.languages` option: a language per billing country, and one for every other order. */
export interface InvoiceLanguageSettings {
  default?: string
  /** ISO 3166-1 alpha-2 country code (either case) → language */
  byCountry?: Readonly<Record<string, string>>
}

const FALLBACK_LANGUAGE: InvoiceLanguage = "en"

/**
 * The supported language a locale names: "fr", "fr-FR", "FR", "de_DE" and "pl-Latn-PL" all
 * count; anything else (an unsupported language, not a language tag, not a string) gives null.
 */
export function languageOfLocale(value: unknown): InvoiceLanguage | null {
  if (typeof value !== "string" || !value.trim()) {
    return null
  }
  let language: string
  try {
    language = new Intl.Locale(value.trim().replace(/_/g, "-")).language
  } catch {
    return null
  }
  return isSupportedLanguage(language) ? language : null
}

/**
 * The language of an order's invoice and mails: the order metadata `locale` if it names a
 * supported language, else the one configured for the billing country (the shipping country
 * when the order has no billing address), else `settings.default`, else English.
 */
export function resolveInvoiceLanguage(
  order: Pick<OrderDocument, "metadata" | "billing_address" | "shipping_address">,
  settings: InvoiceLanguageSettings | undefined = {}
): InvoiceLanguage {
  const fromOrder = languageOfLocale(order.metadata?.locale)
  if (fromOrder) {
    return fromOrder
  }
  const country = (order.billing_address ?? order.shipping_address)?.country_code?.trim().toUpperCase()
  if (country && settings?.byCountry) {
    const entry = Object.entries(settings.byCountry).find(([code]) => code.trim().toUpperCase() === country)
    const fromCountry = languageOfLocale(entry?.[1])
    if (fromCountry) {
      return fromCountry
    }
  }
  return languageOfLocale(settings?.default) ?? FALLBACK_LANGUAGE
}
