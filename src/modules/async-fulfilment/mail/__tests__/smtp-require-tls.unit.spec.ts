import { networkInterfaces } from "node:os"
import { createMailTransport, type MailTransport } from "../create-mail-transport"
import { MailTemporaryError } from "../../errors/mail-temporary-error"
import { sendInvoiceMail } from "../send-invoice-mail"
import { type SmtpTestServer, startSmtpTestServer } from "./__fixtures__/smtp-test-server"

const mail = {
  from: "Shop <orders@shop.example>",
  to: "ada@example.com",
  subject: "Your order",
  text: "invoice attached",
  html: "<p>invoice attached</p>",
  pdf: Buffer.from("%PDF-1.4\n%%EOF\n"),
  pdfFilename: "invoice.pdf",
}
const auth = { user: "shop-login", pass: "smtp-password-in-the-clear" }

/** This machine's own address on a real interface: a host that is not loopback, still reachable here. */
function externalAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal)?.address
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error)

describe("SMTP transport security: requireTLS", () => {
  let server: SmtpTestServer | undefined
  let transport: MailTransport | undefined

  afterEach(async () => {
    transport?.close()
    transport = undefined
    await server?.close()
    server = undefined
  })

  const host = externalAddress()

  it("has a non-loopback address to test against", () => {
    expect(host).toBeDefined()
  })

  it("refuses a server on a non-loopback host that offers no STARTTLS: no login, no mail in clear text", async () => {
    server = await startSmtpTestServer({}, { host: host! })
    // the control: with TLS explicitly not required, this server takes the password and the mail in clear text
    transport = createMailTransport({ host: host!, port: server.port, auth, requireTLS: false, pool: false })
    await sendInvoiceMail(transport, mail)
    expect(server.logins).toEqual(["shop-login"])
    expect(server.received).toHaveLength(1)
    transport.close()

    // the default for a host that is not loopback
    transport = createMailTransport({ host: host!, port: server.port, auth, pool: false, connectionTimeoutMs: 2_000 })
    const error = await failureOf(sendInvoiceMail(transport, mail))

    expect(error).toBeInstanceOf(MailTemporaryError)
    expect(error!.message).toContain("STARTTLS")
    expect(error!.message).toContain("smtp.requireTLS")
    expect(error!.message).not.toContain(auth.pass)
    expect(server.logins).toEqual(["shop-login"]) // no second login
    expect(server.received).toHaveLength(1) // no second mail
  })

  it("refuses it through the pool as well", async () => {
    server = await startSmtpTestServer({}, { host: host! })
    transport = createMailTransport({ host: host!, port: server.port, auth, connectionTimeoutMs: 2_000 })

    const error = await failureOf(sendInvoiceMail(transport, mail))

    expect(error).toBeInstanceOf(MailTemporaryError)
    expect(server.logins).toEqual([])
    expect(server.received).toHaveLength(0)
  })

  it("keeps plain SMTP for a loopback host by default, and refuses it there when smtp.requireTLS is true", async () => {
    server = await startSmtpTestServer()
    transport = createMailTransport({ host: "127.0.0.1", port: server.port, auth, pool: false })
    await sendInvoiceMail(transport, mail)
    expect(server.received).toHaveLength(1)
    transport.close()

    transport = createMailTransport({ host: "127.0.0.1", port: server.port, auth, pool: false, requireTLS: true })
    const error = await failureOf(sendInvoiceMail(transport, mail))
    expect(error).toBeInstanceOf(MailTemporaryError)
    expect(server.logins).toEqual(["shop-login"])
    expect(server.received).toHaveLength(1)
  })
})
