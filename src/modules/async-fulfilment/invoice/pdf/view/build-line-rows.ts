import type { InvoiceLine, InvoiceModel, VatCategoryCode } from "../../model/invoice-model"
import type { InvoicePdfLabels } from "../pdf-labels"
import type { PdfFormatters } from "../pdf-formatters"
import type { PdfLineRow } from "./invoice-pdf-view"

/**
 * The rate of a standard or zero-rated line ("23%"); the category code for exempt, reverse-charge
 * and export lines ("AE"), whose 0 % is no rate at all: the VAT summary prints their reason.
 */
export function formatVatRate(category: VatCategoryCode, rate: number, format: PdfFormatters): string {
  return category === "S" || category === "Z" ? format.rate(rate) : category
}

function unitName(unitCode: string, labels: InvoicePdfLabels): string {
  return (labels.units as Record<string, string | undefined>)[unitCode] ?? unitCode
}

function discountNote(amount: number, reason: string, labels: InvoicePdfLabels, format: PdfFormatters): string {
  const sameAsLabel = reason.toLowerCase() === labels.discount.toLowerCase()
  const label = reason && !sameAsLabel ? `${labels.discount} (${reason})` : labels.discount
  return `${label}: −${format.amount(amount)}`
}

function lineRow(line: InvoiceLine, labels: InvoicePdfLabels, format: PdfFormatters): PdfLineRow {
  return {
    cells: {
      position: line.id,
      description: [line.name, line.description].filter(Boolean).join(" – "),
      quantity: format.quantity(line.quantity),
      unit: unitName(line.unitCode, labels),
      netUnitPrice: format.unitPrice(line.netUnitPrice),
      netAmount: format.amount(line.netAmount),
      vatRate: formatVatRate(line.vatCategory, line.vatRate, format),
      vatAmount: format.amount(line.vatAmount),
      grossAmount: format.amount(line.grossAmount),
    },
    notes: [
      ...(line.sellerItemId ? [line.sellerItemId] : []),
      ...line.allowances.map((allowance) => discountNote(allowance.amount, allowance.reason, labels, format)),
    ],
  }
}

export function buildLineRows(model: InvoiceModel, labels: InvoicePdfLabels, format: PdfFormatters): PdfLineRow[] {
  return model.lines.map((line) => lineRow(line, labels, format))
}
