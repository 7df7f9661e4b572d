import { escapeHtml } from "../escape-html"
import { renderOrderConfirmationMail } from "../render-order-mail"
import { makeOrderDocument } from "../../__tests__/__fixtures__/order-document"

const invoice = { number: "INV-2025-000042", issued_at: "2025-03-14T09:30:00.000Z" }

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
    )
    expect(escapeHtml(3)).toBe("3")
  })
})

describe("renderOrderConfirmationMail", () => {
  it("renders subject, greeting, lines, totals and the attachment note", () => {
    const mail = renderOrderConfirmationMail({ order: makeOrderDocument(), invoice, storeName: "Babbage & Co" })

    expect(mail.subject).toBe("Your order #1042 — invoice INV-2025-000042")
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("Hello Ada,")
      expect(body).toContain("#1042")
      expect(body).toContain("March 14, 2025")
      expect(body).toContain("Difference Engine")
      expect(body).toContain("€12.80")
      expect(body).toContain("€4.90")
      expect(body).toContain("€17.70")
      expect(body).toContain("INV-2025-000042")
      expect(body).toMatch(/attached as a PDF/)
    }
    expect(mail.text).toContain("2 × Difference Engine: €12.80")
    expect(mail.text).toContain("Babbage & Co")
    expect(mail.text).not.toMatch(/<[a-z]/i)
    expect(mail.html).toContain("Babbage &amp; Co")
  })

  it("says Hello without a name and omits the link when none is given", () => {
    const order = makeOrderDocument({ customer: null, billing_address: null })
    const mail = renderOrderConfirmationMail({ order, invoice, storeName: "Shop" })

    expect(mail.text.startsWith("Hello,\n")).toBe(true)
    expect(mail.html).toContain("<p>Hello,</p>")
    expect(mail.html).not.toContain("<a ")
  })

  it("escapes every interpolated value in the HTML", () => {
    const order = makeOrderDocument()
    order.items[0].title = `<script>alert("x")</script>`
    order.customer!.first_name = "<b>Ada</b>"

    const mail = renderOrderConfirmationMail({
      order,
      invoice: { ...invoice, number: "INV<1>" },
      storeName: "<i>Shop</i>",
      invoiceUrl: 'https://shop.example/invoices/1?a=1&b="2"',
    })

    expect(mail.html).not.toContain("<script>")
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    expect(mail.html).toContain("Hello &lt;b&gt;Ada&lt;/b&gt;,")
    expect(mail.html).toContain("INV&lt;1&gt;")
    expect(mail.html).toContain("&lt;i&gt;Shop&lt;/i&gt;")
    expect(mail.html).toContain('href="https://shop.example/invoices/1?a=1&amp;b=%222%22"')
    expect(mail.text).toContain(`<script>alert("x")</script>`)
  })

  it("drops links that are not http(s)", () => {
    const mail = renderOrderConfirmationMail({
      order: makeOrderDocument(),
      invoice,
      storeName: "Shop",
      invoiceUrl: "javascript:alert(1)",
    })

    expect(mail.html).not.toContain("javascript:")
    expect(mail.text).not.toContain("javascript:")
  })

  it("formats money and dates for the locale and currency", () => {
    const order = makeOrderDocument({ currency_code: "jpy" })
    order.items[0].total = 1200
    order.totals.total = 1690

    const mail = renderOrderConfirmationMail({ order, invoice, storeName: "Shop", locale: "de-DE" })
    // Intl puts a no-break space between amount and symbol
    const text = mail.text.replace(/\u00a0/g, " ")

    expect(text).toContain("1.200 ¥")
    expect(text).toContain("1.690 ¥")
    expect(text).toContain("14. März 2025")
  })

  it("is deterministic", () => {
    const input = { order: makeOrderDocument(), invoice, storeName: "Shop" }
    expect(renderOrderConfirmationMail(input)).toEqual(renderOrderConfirmationMail(input))
  })
})
