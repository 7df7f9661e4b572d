import { checkMetricsAccess } from "../metrics-token"

const token = "s3cr3t-metrics-token-0123456789abcdef"

describe("checkMetricsAccess", () => {
  it("grants the configured bearer token, the scheme in any case", () => {
    expect(checkMetricsAccess(`Bearer ${token}`, token)).toBe("granted")
    expect(checkMetricsAccess(`bearer ${token}`, token)).toBe("granted")
  })

  it.each([
    ["no header", undefined],
    ["an empty header", ""],
    ["another token", `Bearer ${token.slice(0, -1)}x`],
    ["a prefix of the token", `Bearer ${token.slice(0, 10)}`],
    ["the token and more", `Bearer ${token}x`],
    ["Basic auth", `Basic ${Buffer.from(`user:${token}`).toString("base64")}`],
    ["the bare token", token],
    ["an empty bearer", "Bearer "],
    ["two tokens", `Bearer ${token} ${token}`],
  ])("refuses %s", (_case, header) => {
    expect(checkMetricsAccess(header, token)).toBe("refused")
  })

  it("is disabled when no token is configured, whatever is sent", () => {
    expect(checkMetricsAccess(`Bearer ${token}`, undefined)).toBe("disabled")
    expect(checkMetricsAccess("Bearer ", "")).toBe("disabled")
  })
})
