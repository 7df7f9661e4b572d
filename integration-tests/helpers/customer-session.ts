import type { StoreRequest } from "../../store-client"

const PASSWORD = "correct-horse-battery-staple"

export interface CustomerDetails {
  email: string
  first_name: string
  last_name: string
}

/**
 * Storefront requests as a signed-in customer: registers the customer as a storefront does and
 * gives its token, the headers to send and a StoreRequest for placeOrderThroughStoreApi.
 */
export function customerSession(api: any, publishableKey: () => string) {
  const headersFor = (token?: string) => ({
    "x-publishable-api-key": publishableKey(),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  })

  async function register(customer: CustomerDetails): Promise<string> {
    const credentials = { email: customer.email, password: PASSWORD }
    const registration = await api.post("/auth/customer/emailpass/register", credentials)
    const { email, first_name, last_name } = customer
    await api.post("/store/customers", { email, first_name, last_name }, { headers: headersFor(registration.data.token) })
    const login = await api.post("/auth/customer/emailpass", credentials)
    return login.data.token as string
  }

  const requestAs =
    (token?: string): StoreRequest =>
    async (method, path, body) => {
      const headers = headersFor(token)
      const response = method === "GET" ? await api.get(path, { headers }) : await api.post(path, body ?? {}, { headers })
      return response.data
    }

  return { register, requestAs, headersFor }
}
