import { buildInvoiceModel, InvoiceModelOptions } from "../../model/build-invoice-model"
import type { InvoiceModel } from "../../model/invoice-model"
import type { InvoiceIdentity, OrderDocument } from "../../../types/order-document"
import type { InvoiceSellerOptions } from "../../../options/invoice-options"
import { ENGLISH_MODEL_TEXTS } from "./english-model-texts"
import { sellerOptions } from "./seller-options"

export interface ModelFixtureOptions extends InvoiceModelOptions {
  seller?: InvoiceSellerOptions
  invoice?: Partial<InvoiceIdentity>
}

/** The invoice model of an order document, issued the day after a 2026-11-20 order, in English. */
export function modelOf(order: OrderDocument, options: ModelFixtureOptions = {}): InvoiceModel {
  const { seller, invoice, ...modelOptions } = options
  return buildInvoiceModel({
    order,
    invoice: { number: "FV/2026/000042", issued_at: "2026-11-21T08:30:00.000Z", ...invoice },
    seller: seller ?? sellerOptions(),
    language: "en",
    texts: ENGLISH_MODEL_TEXTS,
    options: modelOptions,
  })
}
