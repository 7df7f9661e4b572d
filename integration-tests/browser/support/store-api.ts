export { fetchStoreRequest as storeRequest } from "../../fixtures/fetch-store-request"

async function call(url: string, init: RequestInit): Promise<any> {
  const response = await fetch(url, init)
  const json = await response.json().catch(() => null)
  if (!response.ok) {
    throw new Error(`${init.method ?? "GET"} ${url} answered ${response.status}: ${JSON.stringify(json)}`)
  }
  return json
}

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
