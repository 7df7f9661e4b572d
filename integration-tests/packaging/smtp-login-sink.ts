import type { SMTPServer } from "smtp-server"
import { SmtpSink } from "../../dev-support/smtp-sink"

/**
 * The SMTP sink, requiring a login as a real mail relay does: README's configuration sends
 * `smtp.auth`. Plain connection (no TLS in a test), AUTH PLAIN or LOGIN.
 */
export class SmtpLoginSink extends SmtpSink {
  /** the user names that logged in */
  readonly logins: string[] = []

  constructor(protected readonly login_: { user: string; pass: string }) {
    super()
  }

  protected createServer(): SMTPServer {
    const server = super.createServer()
    server.options.authOptional = false
    server.options.allowInsecureAuth = true
    server.onAuth = (auth, _session, callback) => {
      if (auth.username !== this.login_.user || auth.password !== this.login_.pass) {
        return callback(new Error("Invalid username or password"))
      }
      this.logins.push(auth.username)
      callback(null, { user: auth.username })
    }
    return server
  }
}
