import { readdirSync } from "fs"
import { basename, join } from "path"
import { INVOICE_LANGUAGES } from "../../invoice/model/invoice-model"
import { placeholdersOf } from "../fill-template"
import { SUPPORTED_LANGUAGES, translationsFor } from "../registry"
import type { Translations } from "../translations"

const LANGUAGES_DIR = join(__dirname, "..", "languages")
const languageFiles = readdirSync(LANGUAGES_DIR).filter((file) => /^[a-z]{2,3}\.(ts|js)$/.test(file))

type Leaf = string | string[]

/** Every text of a translation, keyed by its path ("mail.reviewReceived.paragraphs"). */
function leavesOf(value: unknown, path = ""): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>()
  if (typeof value === "string" || Array.isArray(value)) {
    leaves.set(path, value as Leaf)
  } else if (value && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) {
      for (const [leafPath, leaf] of leavesOf(entry, path ? `${path}.${key}` : key)) {
        leaves.set(leafPath, leaf)
      }
    }
  } else {
    leaves.set(path, String(value) as Leaf)
  }
  return leaves
}

const placeholderSet = (leaf: Leaf) => [...new Set([leaf].flat().flatMap(placeholdersOf))].sort()

/** What is wrong with `candidate` measured against the reference language (English). */
function translationProblems(reference: Translations, candidate: Translations): string[] {
  const problems: string[] = []
  const expected = leavesOf(reference)
  const actual = leavesOf(candidate)
  for (const [path, leaf] of expected) {
    const other = actual.get(path)
    if (other === undefined) {
      problems.push(`${path}: missing`)
      continue
    }
    const texts = [other].flat()
    if (Array.isArray(leaf) !== Array.isArray(other) || texts.length === 0) {
      problems.push(`${path}: expected ${Array.isArray(leaf) ? "a list of texts" : "a text"}`)
    }
    if (texts.some((text) => typeof text !== "string" || !text.trim())) {
      problems.push(`${path}: empty`)
    }
    const want = placeholderSet(leaf).join(", ")
    const have = placeholderSet(other).join(", ")
    if (want !== have) {
      problems.push(`${path}: placeholders {${have}} instead of {${want}}`)
    }
  }
  for (const path of actual.keys()) {
    if (!expected.has(path)) {
      problems.push(`${path}: not a key of the English file`)
    }
  }
  return problems
}

describe("the language files", () => {
  it("are all registered, and the registry holds nothing else", () => {
    const codes = languageFiles.map((file) => basename(file).replace(/\.(ts|js)$/, "")).sort()
    expect(codes).toEqual(["de", "en", "fr", "pl"])
    expect(SUPPORTED_LANGUAGES).toEqual(codes)
    for (const file of languageFiles) {
      const code = basename(file).replace(/\.(ts|js)$/, "")
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      expect(require(join(LANGUAGES_DIR, file)).default).toBe(translationsFor(code))
    }
  })

  it("match the invoice model's language codes", () => {
    expect(SUPPORTED_LANGUAGES).toEqual([...INVOICE_LANGUAGES].sort())
  })

  it.each(SUPPORTED_LANGUAGES)("%s has a locale of its own language", (code) => {
    const { locale } = translationsFor(code)
    expect(Intl.getCanonicalLocales(locale)).toEqual([locale])
    expect(new Intl.Locale(locale).language).toBe(code)
  })

  it.each(SUPPORTED_LANGUAGES)("%s has every key of the English file, non-empty, with the same placeholders", (code) => {
    expect(translationProblems(translationsFor("en"), translationsFor(code))).toEqual([])
  })

  it("reports a missing key, an empty text and a lost placeholder", () => {
    const broken = structuredClone(translationsFor("pl")) as Translations
    broken.invoicePdf.pageOf = "Strona {page}"
    broken.invoiceModel.paidTerms = " "
    delete (broken.mail.orderConfirmation as Partial<Translations["mail"]["orderConfirmation"]>).xmlAttached
    broken.mail.reviewRejected.paragraphs = ["Przykro nam."]

    expect(translationProblems(translationsFor("en"), broken)).toEqual([
      "invoicePdf.pageOf: placeholders {page} instead of {page, pages}",
      "invoiceModel.paidTerms: empty",
      "mail.orderConfirmation.xmlAttached: missing",
      "mail.reviewRejected.paragraphs: placeholders {} instead of {orderNumber, storeName}",
    ])
  })

  it("refuses a language that has no file, naming the supported ones", () => {
    expect(() => translationsFor("es")).toThrow('No translations for language "es": supported are de, en, fr, pl')
    expect(() => translationsFor("toString")).toThrow(/No translations for language "toString"/)
  })

  it("cite Article 196 of Directive 2006/112/EC in each reverse-charge note", () => {
    expect(translationsFor("en").invoiceModel.reverseChargeNote).toMatch(/Article 196 of Council Directive 2006\/112\/EC/)
    expect(translationsFor("pl").invoiceModel.reverseChargeNote).toMatch(/^Odwrotne obciążenie.*art\. 196 dyrektywy Rady 2006\/112\/WE/)
    expect(translationsFor("de").invoiceModel.reverseChargeNote).toMatch(
      /^Steuerschuldnerschaft des Leistungsempfängers.*Artikel 196 der Richtlinie 2006\/112\/EG/
    )
    expect(translationsFor("fr").invoiceModel.reverseChargeNote).toMatch(/^Autoliquidation.*article 196 de la directive 2006\/112\/CE/)
  })
})
