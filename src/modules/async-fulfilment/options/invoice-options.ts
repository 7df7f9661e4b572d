import { existsSync } from "fs"
import { z } from "@medusajs/framework/zod"
import { EINVOICE_PROFILES, INVOICE_LANGUAGES } from "../invoice/model/invoice-model"
import { isValidIban, normalizeIban } from "./iban"
import { isIsoCountryCode } from "./iso-country-codes"
import { compactVatId, vatIdShapeProblem } from "./vat-id-shape"

const fontFileSchema = z
  .string()
  .min(1)
  .refine((file) => existsSync(file), "no such font file")

const countryCodeSchema = z
  .string()
  .refine((code) => /^[A-Za-z]{2}$/.test(code) && isIsoCountryCode(code), "must be an ISO 3166-1 alpha-2 country code, e.g. PL or DE")
  .transform((code) => code.toUpperCase())

const OLD_ADDRESS_FORM =
  "the address is an object since 0.2.0, e.g. " +
  '{ line1: "ul. Prosta 1", line2: "lok. 4" (optional), postalCode: "00-001", city: "Warszawa", countryCode: "PL" }; ' +
  "the single string with new lines is no longer read"

const sellerAddressSchema = z
  .object(
    {
      line1: z.string().trim().min(1),
      line2: z.string().trim().min(1).optional(),
      city: z.string().trim().min(1),
      postalCode: z.string().trim().min(1),
      /** ISO 3166-1 alpha-2; upper-cased */
      countryCode: countryCodeSchema,
    },
    { error: (issue) => (typeof issue.input === "string" ? OLD_ADDRESS_FORM : undefined) }
  )
  .strict()

const vatIdSchema = z
  .string()
  .transform(compactVatId)
  .superRefine((vatId, ctx) => {
    const problem = vatIdShapeProblem(vatId)
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem })
    }
  })

const ibanSchema = z
  .string()
  .transform(normalizeIban)
  .refine(isValidIban, "is not a valid IBAN (wrong length, characters or check digits)")

const sellerSchema = z
  .object({
    name: z.string().trim().min(1),
    /** BT-31; spaces, dots and dashes are dropped: "PL 525-000-00-00" → "PL5250000000" */
    vatId: vatIdSchema,
    address: sellerAddressSchema,
    /** BT-33, e.g. "KRS 0000123456, Sąd Rejonowy dla Łodzi-Śródmieścia" */
    registration: z.string().trim().min(1).optional(),
    email: z.email("must be an e-mail address").optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()./-]+$/, "may hold only digits, spaces and + ( ) . / -")
      .refine((phone) => phone.replace(/\D/g, "").length >= 3, "must hold at least 3 digits")
      .optional(),
    bankAccount: z
      .object({
        iban: ibanSchema,
        bic: z
          .string()
          .transform((bic) => bic.replace(/\s+/g, "").toUpperCase())
          .refine((bic) => /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic), "is not a BIC (8 or 11 characters)")
          .optional(),
        bankName: z.string().trim().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()

const languageSchema = z.enum(INVOICE_LANGUAGES)

const languagesSchema = z
  .object({
    /** when neither the order's `metadata.locale` nor `byCountry` names a language */
    default: languageSchema.default("en"),
    /** billing country (ISO 3166-1 alpha-2, any case; upper-cased) → language */
    byCountry: z
      .record(z.string(), languageSchema)
      .superRefine((byCountry, ctx) => {
        for (const code of Object.keys(byCountry)) {
          if (!/^[A-Za-z]{2}$/.test(code) || !isIsoCountryCode(code)) {
            ctx.addIssue({ code: "custom", path: [code], message: "must be an ISO 3166-1 alpha-2 country code, e.g. PL or DE" })
          }
        }
      })
      .transform((byCountry) =>
        Object.fromEntries(Object.entries(byCountry).map(([code, language]) => [code.toUpperCase(), language]))
      )
      .default({}),
  })
  .strict()
  .default({ default: "en", byCountry: {} })

const einvoiceSchema = z
  .object({
    /** en16931: Factur-X/ZUGFeRD EN 16931 and UBL; xrechnung: the CIUS XRechnung 3.0; none: the PDF only */
    profile: z.enum(EINVOICE_PROFILES).default("en16931"),
    /** the order mail attaches the UBL XML beside the PDF */
    attachXml: z.boolean().default(false),
  })
  .strict()
  .default({ profile: "en16931", attachXml: false })

/** The `invoice` option (issue #13, breaking in 0.2.0: `seller.address` is an object). */
const numberPrefixSchema = z
  .string()
  .max(20)
  .regex(/^[A-Za-z0-9/_-]*$/, "may hold only letters, digits, '/', '_' and '-'")

export const invoiceOptionsSchema = z
  .object({
    numberPrefix: numberPrefixSchema.default("INV-"),
    /** credit notes are numbered in their own gap-free series: CN-2026-000001 */
    creditNotePrefix: numberPrefixSchema.default("CN-"),
    /** restart numbering every calendar year: INV-2026-000001 */
    yearlySequence: z.boolean().default(true),
    numberPadding: z.number().int().min(1).max(12).default(6),
    seller: sellerSchema,
    /**
     * refines number and date formatting of the invoices in its own language ("de-AT" for German
     * ones); each language formats as its own locale otherwise
     */
    locale: z.string().min(2).optional(),
    /** TrueType fonts for the invoice (absolute paths); DejaVu Sans when not set */
    fonts: z.object({ regular: fontFileSchema, bold: fontFileSchema }).strict().optional(),
    languages: languagesSchema,
    /** the metadata key holding the buyer's VAT ID, read on the order, the billing address, the customer */
    buyerTaxIdKey: z.string().trim().min(1).max(100).default("vat_id"),
    /** the due date of an unpaid order's invoice: issue date + this many days */
    paymentTermsDays: z.number().int().min(0).max(365).default(14),
    einvoice: einvoiceSchema,
  })
  .strict()
  .superRefine((invoice, ctx) => {
    if (invoice.creditNotePrefix === invoice.numberPrefix) {
      ctx.addIssue({
        code: "custom",
        path: ["creditNotePrefix"],
        message: `must differ from numberPrefix ("${invoice.numberPrefix}"): credit notes have a series of their own`,
      })
    }
    if (invoice.einvoice.profile === "xrechnung") {
      for (const field of ["email", "phone"] as const) {
        if (!invoice.seller[field]) {
          ctx.addIssue({
            code: "custom",
            path: ["seller", field],
            message: 'required with einvoice.profile "xrechnung" (XRechnung needs the seller contact, BR-DE-2)',
          })
        }
      }
    }
    if (invoice.einvoice.profile === "none" && invoice.einvoice.attachXml) {
      ctx.addIssue({
        code: "custom",
        path: ["einvoice", "attachXml"],
        message: 'there is no XML to attach with einvoice.profile "none"',
      })
    }
  })

export type InvoiceOptionsInput = z.input<typeof invoiceOptionsSchema>
export type InvoiceOptions = z.output<typeof invoiceOptionsSchema>
export type InvoiceSellerOptions = InvoiceOptions["seller"]
