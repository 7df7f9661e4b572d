import { createMailTransport, type MailTransport } from "../create-mail-transport"
import { MailRejectedError } from "../../errors/mail-rejected-error"
import { MailTemporaryError } from "../../errors/mail-temporary-error"
import { renderOrderConfirmationMail } from "../render-order-mail"
import { sendInvoiceMail } from "../send-invoice-mail"
import { makeOrderDocument } from "../../__tests__/__fixtures__/order-document"
import {
  decodeEncodedWords,
  decodeQuotedPrintable,
  headerValue,
  smtpError,
  type SmtpTestServer,
  startSmtpTestServer,
} from "./__fixtures__/smtp-test-server"

const recipient = "ada@example.com"
const pdf = Buffer.from("%PDF-1.4\n% test invoice\n%%EOF\n")

function mailFor(title = "Difference Engine") {
  const order = makeOrderDocument()
  order.items[0].title = title
  const content = renderOrderConfirmationMail({
    order,
    invoice: { number: "INV-2025-000042", issued_at: "2025-03-14T09:30:00.000Z" },
    storeName: "Babbage & Co",
  })
  return {
    from: "Shop <orders@shop.example>",
    to: recipient,
    ...content,
    pdf,
    pdfFilename: "invoice-INV-2025-000042.pdf",
    messageId: "<order-confirmation.order_01TEST@medusa-plugin-async-fulfilment>",
  }
}

async function sendExpectingError(transport: MailTransport): Promise<Error> {
  const error = await sendInvoiceMail(transport, mailFor()).then(
    () => undefined,
    (e: Error) => e
  )
  if (!error) {
    throw new Error("expected sendInvoiceMail() to fail")
  }
  return error
}

describe("sendInvoiceMail over SMTP", () => {
  let server: SmtpTestServer | undefined
  let transport: MailTransport | undefined

  afterEach(async () => {
    // transport first: the server waits for open client connections before it closes
    transport?.close()
    transport = undefined
    await server?.close()
    server = undefined
  })

  const connect = (port: number, pool?: boolean) =>
    (transport = createMailTransport({ host: "127.0.0.1", port, pool, connectionTimeoutMs: 2_000 }))

  it("delivers text, HTML and the PDF attachment", async () => {
    server = await startSmtpTestServer()

    const result = await sendInvoiceMail(connect(server.port), mailFor(`<script>alert(1)</script> Engine`))

    expect(result.accepted).toEqual([recipient])
    expect(result.rejected).toEqual([])
    expect(result.messageId).toBe("<order-confirmation.order_01TEST@medusa-plugin-async-fulfilment>")
    expect(result.response).toMatch(/^250/)

    expect(server.received).toHaveLength(1)
    const { raw, to, from } = server.received[0]
    expect(to).toEqual([recipient])
    expect(from).toBe("orders@shop.example")
    expect(raw).toMatch(/Content-Type: multipart\/mixed/)
    expect(raw).toMatch(/Content-Type: text\/plain/)
    expect(raw).toMatch(/Content-Type: text\/html/)
    expect(raw).toMatch(/Content-Type: application\/pdf; name=invoice-INV-2025-000042\.pdf/)
    expect(raw).toContain('filename=invoice-INV-2025-000042.pdf')
    expect(raw).toContain(pdf.toString("base64"))
    expect(headerValue(raw, "Message-ID")).toBe(
      "<order-confirmation.order_01TEST@medusa-plugin-async-fulfilment>"
    )
    expect(decodeEncodedWords(headerValue(raw, "Subject")!)).toBe(
      "Your order #1042 — invoice INV-2025-000042"
    )
    const decoded = decodeQuotedPrintable(raw)
    expect(decoded).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Engine")
    expect(decoded).toContain("Babbage &amp; Co")
  })

  it("works without the pool as well", async () => {
    server = await startSmtpTestServer()

    const result = await sendInvoiceMail(connect(server.port, false), mailFor())

    expect(result.accepted).toEqual([recipient])
    expect(server.received).toHaveLength(1)
  })

  it("a 550 for the recipient is a MailRejectedError that does not name the address", async () => {
    server = await startSmtpTestServer({
      onRcptTo: (address, _session, callback) =>
        callback(smtpError(550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown`)),
    })

    const error = await sendExpectingError(connect(server.port))

    expect(error).toBeInstanceOf(MailRejectedError)
    expect(error.name).toBe("MailRejectedError")
    expect((error as MailRejectedError).responseCode).toBe(550)
    expect((error as MailRejectedError).command).toBe("RCPT TO")
    expect(error.message).toContain("550")
    expect(error.message).toContain("recipient")
    expect(error.message).toContain("User unknown")
    expect(error.message).not.toContain(recipient)
    expect(server.received).toHaveLength(0)
  })

  it("a 4xx for the recipient is temporary", async () => {
    server = await startSmtpTestServer({
      onRcptTo: (_address, _session, callback) => callback(smtpError(450, "4.2.0 Greylisted, try again")),
    })

    const error = await sendExpectingError(connect(server.port))

    expect(error).toBeInstanceOf(MailTemporaryError)
    expect((error as MailTemporaryError).responseCode).toBe(450)
  })

  it("451 after DATA is a MailTemporaryError with the reply code", async () => {
    server = await startSmtpTestServer({
      onData: (stream, _session, callback) => {
        stream.resume()
        stream.on("end", () => callback(smtpError(451, "4.3.0 Local error, try again later")))
      },
    })

    const error = await sendExpectingError(connect(server.port))

    expect(error).toBeInstanceOf(MailTemporaryError)
    expect(error.name).toBe("MailTemporaryError")
    expect((error as MailTemporaryError).responseCode).toBe(451)
    expect(error.message).toContain("451")
    expect(error.message).not.toContain(recipient)
  })

  it("a 554 after DATA rejects the message for good", async () => {
    server = await startSmtpTestServer({
      onData: (stream, _session, callback) => {
        stream.resume()
        stream.on("end", () => callback(smtpError(554, "5.7.1 Message refused as spam")))
      },
    })

    const error = await sendExpectingError(connect(server.port))

    expect(error).toBeInstanceOf(MailRejectedError)
    expect((error as MailRejectedError).responseCode).toBe(554)
  })

  it("a server that is down is a MailTemporaryError", async () => {
    server = await startSmtpTestServer()
    const port = server.port
    await server.close()
    server = undefined

    const error = await sendExpectingError(connect(port))

    expect(error).toBeInstanceOf(MailTemporaryError)
    expect((error as MailTemporaryError).responseCode).toBeUndefined()
    expect(error.message).toContain("ECONNREFUSED")
    expect(error.message).not.toContain(recipient)
  })
})
