import { generateEntityId } from "@medusajs/framework/utils"
import { newRowId } from "../new-row-id"

const ULID_ID = /^afjob_[0-9A-HJKMNP-TV-Z]{26}$/

describe("newRowId", () => {
  it("writes `<prefix>_<ULID>` as Medusa's generateEntityId does", () => {
    const at = Date.UTC(2026, 11, 3, 12, 0, 0, 123)
    const ours = newRowId("afjob", at)
    expect(ours).toMatch(ULID_ID)
    expect(generateEntityId(undefined, "afjob")).toMatch(ULID_ID)
    // the 48-bit time in the first 10 characters, as the ULID spec encodes it
    const decoded = [...ours.slice(6, 16)].reduce((ms, c) => ms * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c), 0)
    expect(decoded).toBe(at)
  })

  it("orders ids by their time, as text", () => {
    const earlier = newRowId("afjob", 1_700_000_000_000)
    const later = newRowId("afjob", 1_700_000_000_001)
    expect(earlier < later).toBe(true)
  })

  it("never repeats over more ids than one pool of random bytes serves", () => {
    const at = Date.now()
    const ids = Array.from({ length: 5_000 }, () => newRowId("afjob", at))
    expect(new Set(ids).size).toBe(ids.length)
    // the random part uses the whole alphabet, not a few characters of it
    expect(new Set(ids.flatMap((id) => [...id.slice(16)])).size).toBe(32)
  })
})
