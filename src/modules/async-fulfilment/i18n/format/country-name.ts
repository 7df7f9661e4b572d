const COUNTRY_CODE = /^[A-Za-z]{2}$/

const namesCache = new Map<string, Intl.DisplayNames>()

function regionNames(locale: string): Intl.DisplayNames {
  let names = namesCache.get(locale)
  if (!names) {
    try {
      names = new Intl.DisplayNames(locale, { type: "region", fallback: "code" })
    } catch (error) {
      throw new Error(`Cannot name countries for locale ${JSON.stringify(locale)}: ${(error as Error).message}`)
    }
    namesCache.set(locale, names)
  }
  return names
}

/**
 * The name of a country in a language, from its ISO 3166-1 alpha-2 code in either case:
 * ("PL", "pl") → "Polska", ("pl", "de") → "Polen". A well-formed code Intl does not know is
 * returned upper-cased; anything but two letters throws.
 */
export function countryName(countryCode: string, locale: string): string {
  const code = typeof countryCode === "string" ? countryCode.trim() : ""
  if (!COUNTRY_CODE.test(code)) {
    throw new Error(`Cannot name the country ${JSON.stringify(countryCode)}: expected an ISO 3166-1 alpha-2 code`)
  }
  return regionNames(locale).of(code.toUpperCase()) ?? code.toUpperCase()
}
