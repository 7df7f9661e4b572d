import { fetchJson } from "./fetch-json"

/** An admin bearer token, through the same emailpass login the dashboard uses. */
export async function adminToken(baseUrl: string, email: string, password: string): Promise<string> {
  const { token } = await fetchJson(`${baseUrl}/auth/user/emailpass`, {
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
  fetchJson(`${baseUrl}/admin/async-fulfilment/orders/${orderId}/side-effects`, {
    headers: { authorization: `Bearer ${token}` },
  })
