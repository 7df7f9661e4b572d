import type { RedisClient } from "../redis/connections"
import { spanContextOf, type TraceCarrier } from "./trace-carrier"

/**
 * Medusa's event bus does not carry trace context: the checkout's span context waits here for
 * the `order.placed` subscriber (another process, often) to continue it, and for retries to link
 * to it. Kept a week: enough for the retries an operator makes after a weekend.
 */
export const CHECKOUT_TRACE_TTL_SECONDS = 7 * 24 * 3600

const keyOf = (queuePrefix: string, orderId: string) => `${queuePrefix}:checkout-trace:${orderId}`

export async function rememberCheckoutTrace(
  redis: RedisClient,
  queuePrefix: string,
  orderId: string,
  carrier: TraceCarrier
): Promise<void> {
  await redis.set(keyOf(queuePrefix, orderId), JSON.stringify(carrier), "EX", CHECKOUT_TRACE_TTL_SECONDS)
}

/** The checkout's trace context of the order, or undefined (none recorded, expired, or Redis unreachable). */
export async function readCheckoutTrace(
  redis: RedisClient,
  queuePrefix: string,
  orderId: string
): Promise<TraceCarrier | undefined> {
  try {
    const raw = await redis.get(keyOf(queuePrefix, orderId))
    const carrier = raw ? (JSON.parse(raw) as TraceCarrier) : undefined
    return spanContextOf(carrier) ? carrier : undefined
  } catch {
    return undefined
  }
}
