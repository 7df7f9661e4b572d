import { escapeHtml } from "../escape-html"
import type { OrderConfirmationView } from "./order-confirmation-view"

const CELL = 'style="padding:4px 8px;border-bottom:1px solid #eee"'
const AMOUNT_CELL = 'style="padding:4px 8px;border-bottom:1px solid #eee;text-align:right"'

/** Every interpolated value goes through escapeHtml: titles and names come from shoppers. */
export function orderConfirmationHtml(view: OrderConfirmationView): string {
  const e = escapeHtml
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
      : `<tr><td ${CELL} colspan="2">Shipping</td><td ${AMOUNT_CELL}>${e(view.shippingTotal)}</td></tr>`
  const link = view.invoiceUrl
    ? `<p>You can also <a href="${e(view.invoiceUrl)}">download your invoice</a>.</p>`
    : ""

  return `<!doctype html>
<html>
<head><meta charset="utf-8"><title>${e(view.storeName)}: order ${e(view.orderNumber)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#222">
<p>${e(view.greeting)}</p>
<p>thank you for your order <strong>${e(view.orderNumber)}</strong> at ${e(view.storeName)}, placed on ${e(view.placedOn)}.</p>
<table style="border-collapse:collapse">
<thead><tr><th ${CELL}>Item</th><th ${AMOUNT_CELL}>Qty</th><th ${AMOUNT_CELL}>Total</th></tr></thead>
<tbody>
${rows}
${shipping}
<tr><td ${CELL} colspan="2"><strong>Total</strong> (incl. ${e(view.taxTotal)} tax)</td><td ${AMOUNT_CELL}><strong>${e(view.total)}</strong></td></tr>
</tbody>
</table>
<p>Your invoice ${e(view.invoiceNumber)} is attached as a PDF.</p>
${link}
<p>${e(view.storeName)}</p>
</body>
</html>
`
}
