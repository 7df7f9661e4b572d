import type { OrderDocument, OrderDocumentAddress } from "../../types/order-document"
import type { InvoiceSellerOptions } from "../../options/invoice-options"
import type { InvoiceAddress, InvoiceModel, InvoiceParty } from "./invoice-model"
import { InvalidInvoiceDataError } from "../../errors/invalid-invoice-data-error"

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.replace(/\s+/g, " ").trim()
  return trimmed ? trimmed : null
}

const personName = (address: { first_name: string | null; last_name: string | null } | null | undefined) =>
  clean([address?.first_name, address?.last_name].filter(Boolean).join(" "))

function toInvoiceAddress(address: OrderDocumentAddress): InvoiceAddress {
  return {
    lines: [clean(address.address_1), clean(address.address_2)].filter((line): line is string => line !== null),
    city: clean(address.city) ?? "",
    postalCode: clean(address.postal_code),
    subdivision: clean(address.province),
    countryCode: clean(address.country_code)!.toUpperCase(),
  }
}

export function buildSellerParty(seller: InvoiceSellerOptions): InvoiceParty {
  const { address } = seller
  return {
    name: seller.name,
    contactName: null,
    vatId: seller.vatId,
    registration: seller.registration ?? null,
    address: {
      lines: [address.line1, address.line2].filter((line): line is string => Boolean(line)),
      city: address.city,
      postalCode: address.postalCode,
      subdivision: null,
      countryCode: address.countryCode,
    },
    email: seller.email ?? null,
    phone: seller.phone ?? null,
  }
}

/** The billing address, or the shipping address when the order has no billing country. */
export function buyerAddressOf(order: OrderDocument): OrderDocumentAddress {
  const address = [order.billing_address, order.shipping_address].find((candidate) => clean(candidate?.country_code))
  if (!address) {
    throw new InvalidInvoiceDataError(order.order_id, "the order has no billing or shipping address with a country (EN 16931 BR-11)")
  }
  return address
}

export function isCompanyBuyer(order: OrderDocument): boolean {
  return Boolean(clean(buyerAddressOf(order).company) ?? clean(order.customer?.company_name))
}

/** BG-7: the company (or the person), with the person as contact when both are known. */
export function buildBuyerParty(order: OrderDocument, vatId: string | null): InvoiceParty {
  const address = buyerAddressOf(order)
  const company = clean(address.company) ?? clean(order.customer?.company_name)
  const person = personName(address) ?? personName(order.customer)
  const name = company ?? person ?? clean(order.email)
  if (!name) {
    throw new InvalidInvoiceDataError(order.order_id, "the buyer has no company, name or e-mail address (EN 16931 BR-7)")
  }
  return {
    name,
    contactName: company ? person : null,
    vatId,
    registration: null,
    address: toInvoiceAddress(address),
    email: clean(order.email),
    phone: clean(address.phone),
  }
}

const sameAddress = (a: InvoiceAddress, b: InvoiceAddress) => JSON.stringify(a) === JSON.stringify(b)

/** BG-13: the shipping address, when it is not the buyer's. */
export function buildDeliverTo(order: OrderDocument, buyer: InvoiceParty): InvoiceModel["deliverTo"] {
  const shipping = order.shipping_address
  if (!shipping || !clean(shipping.country_code)) {
    return null
  }
  const address = toInvoiceAddress(shipping)
  if (sameAddress(address, buyer.address)) {
    return null
  }
  return { ...address, name: clean(shipping.company) ?? personName(shipping) }
}
