import type { InvoiceVatBreakdown } from "./invoice-model"
import type { InvoiceModelTexts } from "./invoice-model-texts"

/**
 * BT-22: what the invoice must say about VAT it does not charge, in its language: the reverse
 * charge note, the exemption reasons (legal basis), the export note.
 */
export function buildInvoiceNotes(breakdown: InvoiceVatBreakdown[], texts: InvoiceModelTexts): string[] {
  const notes: string[] = []
  for (const entry of breakdown) {
    if (entry.category === "AE") {
      notes.push(texts.reverseChargeNote)
    } else if (entry.category !== "S" && entry.exemptionReason) {
      notes.push(entry.exemptionReason)
    }
  }
  return [...new Set(notes)]
}
