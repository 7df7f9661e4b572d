import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { acceptBareRangeOperators } from "../accept-bare-range-operators"

const run = (field: string, query: Record<string, unknown>) => {
  const req = { query } as unknown as MedusaRequest
  let passed: unknown = "not called"
  acceptBareRangeOperators(field)(req, {} as MedusaResponse, (error?: unknown) => {
    passed = error
  })
  return { query: req.query, error: passed as Error | undefined }
}

describe("acceptBareRangeOperators", () => {
  it("gives the documented bare operators their `$`, in bracket and dotted form", () => {
    expect(run("created_at", { created_at: { gte: "2026-01-01", $lte: "2026-02-01" }, kind: "erp" })).toEqual({
      query: { created_at: { $gte: "2026-01-01", $lte: "2026-02-01" }, kind: "erp" },
      error: undefined,
    })
    expect(run("amount", { "amount.lt": "10", "amount.$gt": "1" }).query).toEqual({ "amount.$lt": "10", "amount.$gt": "1" })
  })

  it("leaves other fields and a plain value alone", () => {
    expect(run("amount", { amount: "12500", status: { gte: "x" } })).toEqual({
      query: { amount: "12500", status: { gte: "x" } },
      error: undefined,
    })
  })

  it("refuses keys that are not range operators, naming them", () => {
    for (const query of [{ created_at: { gte: "2026-01-01", since: "x" } }, { "created_at.$in": "x" }]) {
      const { error } = run("created_at", query)
      expect(error).toMatchObject({ type: "invalid_data" })
      expect(error!.message).toMatch(/^Invalid request: Unrecognized fields: 'created_at, (since|\$in)'/)
    }
  })
})
