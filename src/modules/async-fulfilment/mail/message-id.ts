/** A stable Message-ID per order and mail, so a receiving server or the customer's client can tell a resend from a new mail. */
export const orderMailMessageId = (name: string, orderId: string) => `<${name}.${orderId}@medusa-plugin-async-fulfilment>`
