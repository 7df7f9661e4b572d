import Medusa from "@medusajs/js-sdk"

const backendUrl: string = import.meta.env.VITE_BACKEND_URL || "/"

/** The admin's JS SDK client; the dashboard's session cookie authorises every call. */
export const sdk = new Medusa({
  baseUrl: backendUrl,
  auth: { type: "session" },
})

/** An API path (e.g. an invoice download) as a link the browser opens with the session cookie. */
export const backendHref = (path: string) => (backendUrl === "/" ? path : `${backendUrl.replace(/\/$/, "")}${path}`)
