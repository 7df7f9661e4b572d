import type { AddressInfo } from "node:net"
import { SMTPServer, type SMTPServerOptions } from "smtp-server"

export interface ReceivedMail {
  from: string | undefined
  to: string[]
  raw: string
}

export interface SmtpTestServer {
  host: string
  port: number
  received: ReceivedMail[]
  /** user names of the AUTH attempts the server saw (in clear text: this server offers no STARTTLS) */
  logins: string[]
  close(): Promise<void>
}

type Hooks = Pick<SMTPServerOptions, "onRcptTo" | "onData">

/**
 * A real SMTP server that keeps every message it accepts; on 127.0.0.1 unless `host` says
 * otherwise. It accepts any login, even unencrypted, to show what a client would give away.
 */
export async function startSmtpTestServer(hooks: Hooks = {}, { host = "127.0.0.1" } = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = []
  const logins: string[] = []
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => {
      logins.push(auth.username ?? "")
      callback(null, { user: auth.username })
    },
    // plain text keeps the test free of certificates
    disabledCommands: ["STARTTLS"],
    logger: false,
    // do not wait the default 30 s for clients that linger
    closeTimeout: 1_000,
    onRcptTo: hooks.onRcptTo,
    onData:
      hooks.onData ??
      ((stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on("data", (chunk: Buffer) => chunks.push(chunk))
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          })
          callback()
        })
      }),
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.server.address() as AddressInfo

  return {
    host,
    port,
    received,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** An SMTP error as smtp-server expects it from a hook. */
export function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode })
}

/** Undo quoted-printable soft breaks and =XX escapes, enough to search the body. */
export function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, "")
  const bytes = joined.replace(/=([0-9A-F]{2})/g, (_match, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  )
  return Buffer.from(bytes, "latin1").toString("utf8")
}

/** A header of the raw message, unfolded (long headers continue on indented lines). */
export function headerValue(raw: string, name: string): string | undefined {
  const head = raw.split("\r\n\r\n", 1)[0].replace(/\r\n[ \t]+/g, " ")
  const prefix = `${name.toLowerCase()}:`
  const line = head.split("\r\n").find((candidate) => candidate.toLowerCase().startsWith(prefix))
  return line?.slice(prefix.length).trim()
}

/** Decode `=?UTF-8?Q?...?=` encoded words in a header line. */
export function decodeEncodedWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_match, text: string) =>
      decodeQuotedPrintable(text.replace(/_/g, " "))
    )
}
