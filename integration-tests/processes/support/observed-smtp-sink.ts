import { ReceivedMail, SmtpSink } from "../../../dev-support/smtp-sink"

/**
 * The fixture's SMTP server, with the time of every accepted mail and a hook called the moment
 * one is accepted (the fixture stores the mail, then answers 250). The fixture is unchanged.
 */
export class ObservedSmtpSink extends SmtpSink {
  readonly receivedAt: number[] = []
  protected listeners_: ((mail: ReceivedMail) => void)[] = []

  constructor() {
    super()
    const push = this.received.push.bind(this.received)
    this.received.push = (...mails: ReceivedMail[]) => {
      const count = push(...mails)
      for (const mail of mails) {
        this.receivedAt.push(Date.now())
        this.listeners_.forEach((listener) => listener(mail))
      }
      return count
    }
  }

  /** `listener` runs once, for the next mail accepted after this call. */
  onNextMail(listener: (mail: ReceivedMail) => void): void {
    const once = (mail: ReceivedMail) => {
      this.listeners_ = this.listeners_.filter((l) => l !== once)
      listener(mail)
    }
    this.listeners_.push(once)
  }

  receivedFor(orderId: string): { mail: ReceivedMail; at: number }[] {
    return this.received
      .map((mail, index) => ({ mail, at: this.receivedAt[index] }))
      .filter(({ mail }) => mail.parsed.messageId?.includes(orderId))
  }
}
