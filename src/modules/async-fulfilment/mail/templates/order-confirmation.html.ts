import { fillTemplate } from "../../i18n"
import { escapeHtml } from "../escape-html"
import type { OrderConfirmationView } from "./order-confirmation-view"

const CELL = 'style="padding:4px 8px;border-bottom:1px solid #eee"'
const AMOUNT_CELL = 'style="padding:4px 8px;border-bottom:1px solid #eee;text-align:right"'

/**
 * Every interpolated value goes through escapeHtml: titles and names come from shoppers. So does
 * the wording between a translation's placeholders (fillTemplate's `literal`).
 */
export function orderConfirmationHtml(view: OrderConfirmationView): string {
  const e = escapeHtml
  const t = view.texts
  const fill = (template: string, values: Record<string, string>) => fillTemplate(template, values, e)
  const rows = view.lines
    .map(
      (line) =>
        `<tr><td ${CELL}>${e(line.title)}</td><td ${AMOUNT_CELL}>${e(line.quantity)}</td>` +
        `<td ${AMOUNT_CELL}>${e(line.total)}</td></tr>`
    )
    .join("\n")
  const shipping =
    view.shippingTotal === null
      ? ""
      : `<tr><td ${CELL} colspan="2">${e(t.shipping)}</td><td ${AMOUNT_CELL}>${e(view.shippingTotal)}</td></tr>`
  const attached = fill(view.eInvoice ? t.invoiceAttachedEInvoice : t.invoiceAttached, {
    invoiceNumber: e(view.invoiceNumber),
  })
  const xml = view.xmlAttached ? `\n<p>${e(t.xmlAttached)}</p>` : ""
  const link = view.invoiceUrl
    ? `<p>${fill(t.downloadLinkHtml, { link: `<a href="${e(view.invoiceUrl)}">${e(t.downloadLinkLabel)}</a>` })}</p>`
    : ""
  const intro = fill(t.intro, {
    orderNumber: `<strong>${e(view.orderNumber)}</strong>`,
    storeName: e(view.storeName),
    placedOn: e(view.placedOn),
  })

  return `<!doctype html>
<html lang="${e(view.language)}">
<head><meta charset="utf-8"><title>${fill(t.htmlTitle, { storeName: e(view.storeName), orderNumber: e(view.orderNumber) })}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#222">
<p>${e(view.greeting)}</p>
<p>${intro}</p>
<table style="border-collapse:collapse">
<thead><tr><th ${CELL}>${e(t.columns.item)}</th><th ${AMOUNT_CELL}>${e(t.columns.quantity)}</th><th ${AMOUNT_CELL}>${e(t.columns.total)}</th></tr></thead>
<tbody>
${rows}
${shipping}
<tr><td ${CELL} colspan="2"><strong>${e(t.total)}</strong> ${fill(t.taxIncluded, { taxTotal: e(view.taxTotal) })}</td><td ${AMOUNT_CELL}><strong>${e(view.total)}</strong></td></tr>
</tbody>
</table>
<p>${attached}</p>${xml}
${link}
<p>${e(view.storeName)}</p>
</body>
</html>
`
}
