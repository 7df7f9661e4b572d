import { readdirSync, readFileSync } from "fs"
import path from "path"
import { adminAsyncFulfilmentMiddlewares } from "../middlewares"
import { asyncFulfilmentPolicies } from "../../../../policies/async-fulfilment"

const ROUTES_DIR = path.join(__dirname, "..")

/** Every route file under /admin/async-fulfilment with its exported methods, as Medusa matches them. */
function adminRoutes(dir = ROUTES_DIR): { matcher: string; method: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : adminRoutes(full)
    }
    if (entry.name !== "route.ts") {
      return []
    }
    const relative = path.relative(ROUTES_DIR, dir).split(path.sep).map((part) => part.replace(/^\[(.+)\]$/, ":$1"))
    const matcher = ["/admin/async-fulfilment", ...relative].filter(Boolean).join("/")
    const methods = [...readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1])
    return methods.map((method) => ({ matcher, method }))
  })
}

const policiesOf = (matcher: string, method: string) =>
  adminAsyncFulfilmentMiddlewares
    .filter((route) => route.matcher === matcher && (route.method as string[]).includes(method))
    .flatMap((route) => (route.policies ? [route.policies].flat() : []))

describe("RBAC policies of the admin routes", () => {
  const routes = adminRoutes()

  it("finds the admin routes", () => {
    expect(routes.length).toBeGreaterThanOrEqual(13)
  })

  it.each(routes.map((route) => [`${route.method} ${route.matcher}`, route] as const))(
    "declares policies on %s: read to look, update to change",
    (_name, { matcher, method }) => {
      const policies = policiesOf(matcher, method)
      expect(policies.length).toBeGreaterThan(0)
      const own = policies.filter((policy) => policy.resource.startsWith("async_fulfilment_"))
      expect(own.length).toBeGreaterThan(0)
      expect(own.map((policy) => policy.operation)).toEqual(own.map(() => (method === "GET" ? "read" : "update")))
    }
  )

  it("declares every resource and operation the routes use", () => {
    const defined = asyncFulfilmentPolicies.policies.map((policy) => `${policy.resource}:${policy.operation}`)
    const used = adminAsyncFulfilmentMiddlewares
      .flatMap((route) => (route.policies ? [route.policies].flat() : []))
      .filter((policy) => policy.resource.startsWith("async_fulfilment_"))
      .map((policy) => `${policy.resource}:${policy.operation}`)
    expect(used.length).toBeGreaterThan(0)
    expect(used.filter((key) => !defined.includes(key))).toEqual([])
  })

  it("lets an operator read jobs and reviews without changing them: the read policies open no POST", () => {
    const readOnly = new Set(["async_fulfilment_job:read", "async_fulfilment_review:read", "order:read"])
    const opened = routes.filter(({ matcher, method }) =>
      policiesOf(matcher, method).every((policy) => readOnly.has(`${policy.resource}:${policy.operation}`))
    )
    expect(opened.every((route) => route.method === "GET")).toBe(true)
    expect(opened.map((route) => route.matcher)).toEqual(
      expect.arrayContaining(["/admin/async-fulfilment/jobs", "/admin/async-fulfilment/reviews"])
    )
  })
})
