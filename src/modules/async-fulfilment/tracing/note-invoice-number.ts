import { trace } from "@opentelemetry/api"
import { SPAN_ATTRIBUTES } from "./tracer"

/** Puts the invoice number on the running attempt's span as soon as it is known, so a failed attempt has it too. */
export function noteInvoiceNumber(invoiceNumber: string | null | undefined): void {
  if (invoiceNumber) {
    trace.getActiveSpan()?.setAttribute(SPAN_ATTRIBUTES.invoiceNumber, invoiceNumber)
  }
}
