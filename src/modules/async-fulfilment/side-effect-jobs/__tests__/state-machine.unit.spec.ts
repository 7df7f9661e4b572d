import { MedusaError } from "@medusajs/framework/utils"
import {
  applyTransition,
  SIDE_EFFECT_JOB_STATUSES,
  SIDE_EFFECT_JOB_TRANSITIONS,
  SideEffectJobTransition,
  TransitionInput,
} from "../state-machine"

const now = new Date("2026-11-23T10:00:00Z")
const failure = (attempt: number, final: boolean) => ({ attempt, message: `boom ${attempt}`, stack_head: "at x", final })
const previous = { attempts: 1, error_history: null }

/** The machine as a reviewer reads it: allowed statuses → target, and the fields each transition writes. */
const EXPECTED: Record<SideEffectJobTransition, { from: string[]; to: string; writes: string[] }> = {
  start: { from: ["active", "failed", "held", "queued"], to: "active", writes: ["attempts", "next_retry_at", "started_at"] },
  resumeAfterStall: {
    from: ["active", "failed", "held", "queued"],
    to: "active",
    writes: ["attempts", "error_history", "next_retry_at", "started_at"],
  },
  complete: {
    from: ["active", "completed", "discarded", "failed", "held", "queued"],
    to: "completed",
    writes: ["completed_at", "last_error", "last_error_stack_head", "next_retry_at", "result"],
  },
  retryLater: {
    from: ["active", "queued"],
    to: "queued",
    writes: ["attempts", "error_history", "failed_at", "last_error", "last_error_stack_head", "next_retry_at"],
  },
  fail: {
    from: ["active", "queued"],
    to: "failed",
    writes: ["attempts", "error_history", "failed_at", "last_error", "last_error_stack_head", "next_retry_at"],
  },
  failWithDependency: { from: ["queued"], to: "failed", writes: ["failed_at", "last_error", "last_error_stack_head", "next_retry_at"] },
  awaitDependency: { from: ["active"], to: "queued", writes: ["attempts", "next_retry_at"] },
  release: { from: ["held"], to: "queued", writes: [] },
  discard: { from: ["active", "failed", "held", "queued"], to: "discarded", writes: ["discard_note", "discarded_at"] },
  resetForRetry: {
    from: ["discarded", "failed"],
    to: "queued",
    writes: ["attempts", "discard_note", "discarded_at", "failed_at", "last_error", "last_error_stack_head", "next_retry_at"],
  },
  requeueLost: { from: ["active", "queued"], to: "queued", writes: ["next_retry_at"] },
}

const INPUTS: { [T in SideEffectJobTransition]: TransitionInput<T> } = {
  start: { attempt: 2 },
  resumeAfterStall: { attempt: 2, kind: "erp", error_history: null },
  complete: { result: { reference: "ERP-1" } },
  retryLater: { previous, failure: failure(1, false), retryInMs: 5_000 },
  fail: { previous, failure: failure(1, true) },
  failWithDependency: { reason: "not sent" },
  awaitDependency: { attempt: 2, waitMs: 2_000 },
  release: undefined,
  discard: { note: "by hand" },
  resetForRetry: undefined,
  requeueLost: undefined,
}

const apply = <T extends SideEffectJobTransition>(name: T, status: (typeof SIDE_EFFECT_JOB_STATUSES)[number]) =>
  applyTransition(name, { id: "afjob_1", status }, INPUTS[name], now)

describe("the side-effect job state machine", () => {
  it("gives back the attempt of a job that waits for another, and says when it looks again", () => {
    expect(applyTransition("awaitDependency", { id: "afjob_1", status: "active" }, { attempt: 1, waitMs: 2_000 }, now)).toMatchObject({
      status: "queued",
      attempts: 0,
      next_retry_at: new Date(now.getTime() + 2_000),
    })
  })

  const names = Object.keys(SIDE_EFFECT_JOB_TRANSITIONS) as SideEffectJobTransition[]

  it("allows exactly the transitions a reviewer expects", () => {
    const table = Object.fromEntries(
      names.map((name) => [name, { from: [...SIDE_EFFECT_JOB_TRANSITIONS[name].from].sort(), to: SIDE_EFFECT_JOB_TRANSITIONS[name].to }])
    )
    const expected = Object.fromEntries(names.map((name) => [name, { from: EXPECTED[name].from, to: EXPECTED[name].to }]))
    expect(table).toEqual(expected)
    expect([...names].sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const name of names) {
    for (const status of SIDE_EFFECT_JOB_STATUSES) {
      if (EXPECTED[name].from.includes(status)) {
        it(`${name} from ${status} writes its field set`, () => {
          const change = apply(name, status)
          expect(change.status).toBe(EXPECTED[name].to)
          expect(Object.keys(change).filter((key) => key !== "status").sort()).toEqual(EXPECTED[name].writes)
        })
      } else {
        it(`${name} from ${status} is refused`, () => {
          expect(() => apply(name, status)).toThrow(
            expect.objectContaining({ type: MedusaError.Types.NOT_ALLOWED, message: expect.stringContaining("afjob_1 is " + status) })
          )
        })
      }
    }
  }
})

describe("a failed attempt", () => {
  it("waits for the next retry while attempts remain", () => {
    const change = applyTransition(
      "retryLater",
      { status: "active" },
      { previous: { attempts: 1, error_history: null }, failure: failure(1, false), retryInMs: 5_000 },
      now
    )
    expect(change).toMatchObject({ status: "queued", attempts: 1, last_error: "boom 1", failed_at: null })
    expect(change.next_retry_at).toEqual(new Date("2026-11-23T10:00:05Z"))
    expect(change.error_history).toEqual([{ attempt: 1, message: "boom 1", stack_head: "at x", final: false, at: now.toISOString() }])
  })

  it("keeps only what happened in the history, not when the retry runs", () => {
    const change = applyTransition(
      "retryLater",
      { status: "active" },
      { previous, failure: { ...failure(1, false), retry_in_ms: 2_000 }, retryInMs: 2_000 },
      now
    )
    expect(change.error_history).toEqual([{ attempt: 1, message: "boom 1", stack_head: "at x", final: false, at: now.toISOString() }])
  })

  it("fails for good after the last attempt, with no retry time", () => {
    const change = applyTransition("fail", { status: "active" }, { previous: { attempts: 2, error_history: [] }, failure: failure(3, true) }, now)
    expect(change).toMatchObject({ status: "failed", attempts: 3, failed_at: now, next_retry_at: null })
  })

  it("keeps the newest 25 errors", () => {
    const history = Array.from({ length: 25 }, (_, i) => ({ attempt: i + 1 }))
    const change = applyTransition(
      "retryLater",
      { status: "active" },
      { previous: { attempts: 25, error_history: history }, failure: failure(26, false), retryInMs: 1 },
      now
    )
    const kept = change.error_history as unknown as { attempt: number }[]
    expect(kept).toHaveLength(25)
    expect([kept[0].attempt, kept[24].attempt]).toEqual([2, 26])
  })
})

it("a retried side-effect job carries no stale error or retry time", () => {
  expect(applyTransition("resetForRetry", { status: "failed" }, undefined)).toMatchObject({
    status: "queued",
    attempts: 0,
    last_error: null,
    failed_at: null,
    discarded_at: null,
  })
})

it("says in the history that a mail may arrive twice after a worker died sending it", () => {
  const { error_history } = applyTransition("resumeAfterStall", { status: "active" }, { attempt: 1, kind: "mail", error_history: null }, now)
  expect(error_history).toEqual([expect.objectContaining({ attempt: 1, final: false, message: expect.stringContaining("may arrive twice") })])
})
