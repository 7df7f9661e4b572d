import type { InvoiceModel, InvoiceParty } from "../../model/invoice-model"
import type { InvoicePdfLabels } from "../pdf-labels"
import type { PdfFormatters } from "../pdf-formatters"
import { formatAddressLines, formatIban } from "./format-address"
import type { PdfPartyBlock } from "./invoice-pdf-view"

function labelled(label: string, value: string | null): string | null {
  return value ? `${label}: ${value}` : null
}

function present(lines: Array<string | null>): string[] {
  return lines.filter((line): line is string => Boolean(line))
}

function contactLines(party: InvoiceParty, labels: InvoicePdfLabels): Array<string | null> {
  return [labelled(labels.email, party.email), labelled(labels.phone, party.phone)]
}

/** Name, address, VAT ID, registration, contact and the bank account payments go to. */
export function buildSellerBlock(model: InvoiceModel, labels: InvoicePdfLabels, format: PdfFormatters): PdfPartyBlock {
  const { seller, payment } = model
  const bank = payment.iban ? formatIban(payment.iban) : null
  return {
    heading: labels.seller,
    name: seller.name,
    lines: present([
      ...formatAddressLines(seller.address, format),
      labelled(labels.vatId, seller.vatId),
      seller.registration,
      ...contactLines(seller, labels),
      labelled(labels.bankAccount, bank),
    ]),
  }
}

/** Company (or person), the contact under it, address, VAT ID and contact. */
export function buildBuyerBlock(model: InvoiceModel, labels: InvoicePdfLabels, format: PdfFormatters): PdfPartyBlock {
  const { buyer } = model
  return {
    heading: labels.buyer,
    name: buyer.name,
    lines: present([
      buyer.contactName,
      ...formatAddressLines(buyer.address, format),
      labelled(labels.vatId, buyer.vatId),
      ...contactLines(buyer, labels),
    ]),
  }
}

export function buildDeliverToBlock(
  model: InvoiceModel,
  labels: InvoicePdfLabels,
  format: PdfFormatters
): PdfPartyBlock | null {
  const { deliverTo } = model
  if (!deliverTo) return null
  return { heading: labels.deliverTo, name: deliverTo.name ?? "", lines: formatAddressLines(deliverTo, format) }
}
