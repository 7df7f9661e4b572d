// Anything shaped like local@domain: servers like to quote the customer's address back.
const EMAIL_ADDRESS = /[^\s<>"'(),;:[\]{}]+@[^\s<>"'(),;:[\]{}]+/g

/** "550 <ada@example.com>: unknown user" → "550 <[address]>: unknown user". */
export function redactEmailAddresses(text: string): string {
  return text.replace(EMAIL_ADDRESS, "[address]")
}
