import nodemailer, { type Transporter } from "nodemailer"
import type SMTPPool from "nodemailer/lib/smtp-pool"
import type SMTPTransport from "nodemailer/lib/smtp-transport"
import { isLoopbackHost } from "../options/is-loopback-host"

export interface SmtpSettings {
  host: string
  port: number
  /** TLS from the first byte; defaults to true on port 465, otherwise STARTTLS when offered */
  secure?: boolean
  /** refuse a connection that stays unencrypted (no STARTTLS); defaults to true unless the host is loopback */
  requireTLS?: boolean
  auth?: { user: string; pass: string }
  /** reuse connections across mails (default true) */
  pool?: boolean
  /** TCP connect and greeting wait, default 10 s */
  connectionTimeoutMs?: number
}

export type MailTransport = Transporter<SMTPTransport.SentMessageInfo | SMTPPool.SentMessageInfo>

const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000
// Inactivity limit; servers may scan a message for a while before answering the end of DATA.
const SOCKET_TIMEOUT_MS = 30_000

/** A nodemailer SMTP transport; close it with `transport.close()` on shutdown. */
export function createMailTransport(smtp: SmtpSettings): MailTransport {
  const timeout = smtp.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS
  const secure = smtp.secure ?? smtp.port === 465
  const common = {
    host: smtp.host,
    port: smtp.port,
    secure,
    // Without it nodemailer logs in and sends in clear text when STARTTLS is not offered, which is
    // all a man in the middle has to arrange.
    requireTLS: !secure && (smtp.requireTLS ?? !isLoopbackHost(smtp.host)),
    auth: smtp.auth ? { user: smtp.auth.user, pass: smtp.auth.pass } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    dnsTimeout: timeout,
    socketTimeout: SOCKET_TIMEOUT_MS,
    // nodemailer's debug log prints the SMTP dialogue, AUTH included.
    logger: false,
    debug: false,
  }

  if (smtp.pool === false) {
    return nodemailer.createTransport(common satisfies SMTPTransport.Options)
  }
  return nodemailer.createTransport({ ...common, pool: true } satisfies SMTPPool.Options)
}
