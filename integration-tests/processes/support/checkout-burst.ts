import { placeOrderThroughStoreApi, Shopper, StoreFixture, StoreRequest } from "../../../store-client"

export type PlacedOrder = Awaited<ReturnType<typeof placeOrderThroughStoreApi>>

/** A cart taken through the storefront's checkout up to, not including, `POST /complete`. */
export interface PreparedCheckout {
  /** sends the held `POST /store/carts/:id/complete`: the order is placed now */
  complete(): Promise<PlacedOrder>
}

/**
 * Runs the fixture's storefront checkout (`placeOrderThroughStoreApi`) but holds its last call,
 * the cart completion, until `complete()`. Carts are slow to build (five calls each); holding the
 * completions lets a test place many orders within a second or two: a real burst of
 * `order.placed` events, instead of a trickle the workers keep up with.
 */
export async function prepareCheckout(request: StoreRequest, store: StoreFixture, shopper: Shopper): Promise<PreparedCheckout> {
  let reached!: () => void
  let release!: () => void
  const atComplete = new Promise<void>((resolve) => (reached = resolve))
  const gate = new Promise<void>((resolve) => (release = resolve))
  const held: StoreRequest = async (method, path, body) => {
    if (path.endsWith("/complete")) {
      reached()
      await gate
    }
    return request(method, path, body)
  }
  const order = placeOrderThroughStoreApi(held, store, shopper)
  await Promise.race([atComplete, order])
  return {
    complete: () => {
      release()
      return order
    },
  }
}

/** Prepares `shoppers.length` checkouts, `concurrency` carts at a time. */
export async function prepareCheckouts(
  request: StoreRequest,
  store: StoreFixture,
  shoppers: Shopper[],
  concurrency: number
): Promise<PreparedCheckout[]> {
  const prepared: PreparedCheckout[] = new Array(shoppers.length)
  let next = 0
  const lane = async () => {
    while (next < shoppers.length) {
      const index = next++
      prepared[index] = await prepareCheckout(request, store, shoppers[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, shoppers.length) }, lane))
  return prepared
}
