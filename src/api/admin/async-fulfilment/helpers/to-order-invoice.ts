import type { InvoiceModel } from "../../../../modules/async-fulfilment/invoice/model"
import { isEInvoice } from "../../../../modules/async-fulfilment/invoice/issue-invoice"
import type { OrderInvoice } from "../contract"

interface InvoiceRow {
  number: string
  issued_at: Date | string
  file_id: string | null
  model: InvoiceModel | null
}

/** The order's invoice as the widget shows it; XML links only where the invoice route can answer them. */
export function toOrderInvoice(orderId: string, row: InvoiceRow): OrderInvoice {
  const path = `/admin/async-fulfilment/orders/${orderId}/invoice`
  const { model } = row
  return {
    number: row.number,
    issued_at: row.issued_at as string,
    download_url: row.file_id ? path : null,
    currency_code: model ? model.currencyCode.toLowerCase() : null,
    gross_total: model ? model.totals.grossTotal : null,
    xml_download: row.file_id && model && isEInvoice(model) ? { cii: `${path}?format=cii`, ubl: `${path}?format=ubl` } : null,
  }
}
