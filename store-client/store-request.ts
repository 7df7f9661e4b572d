import { fetchJson } from "./fetch-json"

/** The few HTTP calls a storefront makes; the HTTP tests pass their axios client, everything else fetch. */
export type StoreRequest = (method: "GET" | "POST", path: string, body?: unknown) => Promise<any>

/** The storefront's calls over real HTTP (fetch, publishable key), for a store run as a process. */
export const fetchStoreRequest =
  (baseUrl: string, publishableKey: string): StoreRequest =>
  (method, path, body) =>
    fetchJson(
      `${baseUrl}${path}`,
      {
        method,
        headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      `${method} ${path}`
    )
