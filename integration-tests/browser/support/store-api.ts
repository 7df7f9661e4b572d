import type { StoreRequest } from "../../fixtures/place-order"

async function call(url: string, init: RequestInit): Promise<any> {
  const response = await fetch(url, init)
  const json = await response.json().catch(() => null)
  if (!response.ok) {
    throw new Error(`${init.method ?? "GET"} ${url} answered ${response.status}: ${JSON.stringify(json)}`)
  }
  return json
}

/** The storefront's calls (publishable key), for placing an order as a shopper would. */
export const storeRequest =
  (baseUrl: string, publishableKey: string): StoreRequest =>
  (method, path, body) =>
    call(`${baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

/** An admin bearer token, through the same emailpass login the dashboard uses. */
export async function adminToken(baseUrl: string, email: string, password: string): Promise<string> {
  const { token } = await call(`${baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  return token
}

export interface OrderSideEffects {
  jobs: { kind: string; status: string; attempts: number; last_error: { message: string } | null }[]
}

export const orderSideEffects = (baseUrl: string, token: string, orderId: string): Promise<OrderSideEffects> =>
  call(`${baseUrl}/admin/async-fulfilment/orders/${orderId}/side-effects`, {
    headers: { authorization: `Bearer ${token}` },
  })
