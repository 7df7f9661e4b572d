import { fillTemplate } from "../../i18n"
import type { OrderConfirmationView } from "./order-confirmation-view"

export function orderConfirmationText(view: OrderConfirmationView): string {
  const t = view.texts
  const { orderNumber, storeName, placedOn, invoiceNumber, total, taxTotal } = view
  const lines = view.lines.map((line) => `  ${fillTemplate(t.textItemLine, line)}`)
  const shipping =
    view.shippingTotal === null ? [] : [fillTemplate(t.textShippingLine, { amount: view.shippingTotal })]
  const attached = view.eInvoice ? t.invoiceAttachedEInvoice : t.invoiceAttached
  const xml = view.xmlAttached ? [t.xmlAttached] : []
  const link = view.invoiceUrl ? [fillTemplate(t.downloadLinkText, { url: view.invoiceUrl })] : []

  return [
    view.greeting,
    "",
    fillTemplate(t.intro, { orderNumber, storeName, placedOn }),
    "",
    ...lines,
    "",
    ...shipping,
    fillTemplate(t.textTotalLine, { total, taxTotal }),
    "",
    fillTemplate(attached, { invoiceNumber }),
    ...xml,
    ...link,
    "",
    view.storeName,
    "",
  ].join("\n")
}
