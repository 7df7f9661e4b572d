import type { InvoiceLanguage } from "../invoice/model/invoice-model"
import de from "./languages/de"
import en from "./languages/en"
import fr from "./languages/fr"
import pl from "./languages/pl"
import type { Translations } from "./translations"

// A new language is a file in languages/ plus its line here (and its code in INVOICE_LANGUAGES);
// a unit test fails for a file left out, and tsc for a code without a file.
const TRANSLATIONS = { de, en, fr, pl } satisfies Record<InvoiceLanguage, Translations>

/** The codes of the languages the plugin writes invoices and mails in, alphabetically. */
export const SUPPORTED_LANGUAGES: readonly InvoiceLanguage[] = Object.freeze(
  (Object.keys(TRANSLATIONS) as InvoiceLanguage[]).sort()
)

export function isSupportedLanguage(value: unknown): value is InvoiceLanguage {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(TRANSLATIONS, value)
}

/** The wording and locale of a language ("pl"); throws for a code that has no file. */
export function translationsFor(language: string): Translations {
  if (!isSupportedLanguage(language)) {
    throw new Error(
      `No translations for language ${JSON.stringify(language)}: supported are ${SUPPORTED_LANGUAGES.join(", ")}`
    )
  }
  return TRANSLATIONS[language]
}
