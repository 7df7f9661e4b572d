import { failedAttemptTransition, resumedAfterStallEntry, retryResetTransition } from "../side-effect-transitions"

const now = new Date("2026-11-23T10:00:00Z")
const failure = (attempt: number, final: boolean) => ({ attempt, message: `boom ${attempt}`, stack_head: "at x", final })

describe("failedAttemptTransition", () => {
  it("waits for the next retry while attempts remain", () => {
    const change = failedAttemptTransition({ attempts: 1, error_history: null }, failure(1, false), 5_000, now)
    expect(change).toMatchObject({ status: "queued", attempts: 1, last_error: "boom 1", failed_at: null })
    expect(change.next_retry_at).toEqual(new Date("2026-11-23T10:00:05Z"))
    expect(change.error_history).toEqual([{ attempt: 1, message: "boom 1", stack_head: "at x", final: false, at: now.toISOString() }])
  })

  it("fails for good after the last attempt, with no retry time", () => {
    const change = failedAttemptTransition({ attempts: 2, error_history: [] }, failure(3, true), 5_000, now)
    expect(change).toMatchObject({ status: "failed", attempts: 3, failed_at: now, next_retry_at: null })
  })

  it("keeps the newest 25 errors", () => {
    const history = Array.from({ length: 25 }, (_, i) => ({ attempt: i + 1 }))
    const change = failedAttemptTransition({ attempts: 25, error_history: history }, failure(26, false), 1, now)
    const kept = change.error_history as unknown as { attempt: number }[]
    expect(kept).toHaveLength(25)
    expect([kept[0].attempt, kept[24].attempt]).toEqual([2, 26])
  })
})

it("a retried row carries no stale error or retry time", () => {
  expect(retryResetTransition()).toMatchObject({ status: "queued", attempts: 0, last_error: null, failed_at: null, discarded_at: null })
})

it("says in the history that a mail may arrive twice after a worker died sending it", () => {
  const { error_history } = resumedAfterStallEntry({ error_history: null }, "mail", 1, now)
  expect(error_history).toEqual([expect.objectContaining({ attempt: 1, final: false, message: expect.stringContaining("may arrive twice") })])
})
