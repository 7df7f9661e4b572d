/** The order actions the widget offers, with the words their buttons, drawers and toasts use. */
export type OrderActionKind = "resend-mail" | "resync-erp"

export const ORDER_ACTION_COPY: Record<OrderActionKind, { button: string; title: string; effect: string; submit: string; done: string }> = {
  "resend-mail": {
    button: "Resend mail",
    title: "Resend the order mail",
    effect: "The invoice mail goes out again, with the same invoice and PDF, as a new mail job.",
    submit: "Resend mail",
    done: "Mail queued again",
  },
  "resync-erp": {
    button: "Send to ERP again",
    title: "Send the order to the ERP again",
    effect: "The order document (and its credit notes) goes to the ERP again under a new idempotency key.",
    submit: "Send to ERP again",
    done: "ERP sync queued again",
  },
}

/** The shape the browser checks too; the API has the last word (400 with the field). */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
