import { DrainingBatcher } from "../draining-batcher"

interface Item {
  id: string
}

function recordingBatcher({
  maxBatchSize = 10,
  batchFails = () => false,
  unhandled = () => [] as string[],
  aloneFails = () => false,
}: {
  maxBatchSize?: number
  batchFails?: (ids: string[]) => boolean
  unhandled?: (ids: string[]) => string[]
  aloneFails?: (id: string) => boolean
} = {}) {
  const batches: string[][] = []
  const alone: string[] = []
  const failures: string[][] = []
  let releaseFirstBatch: (() => void) | null = null
  const firstBatchHeld = new Promise<void>((resolve) => {
    releaseFirstBatch = resolve
  })
  let holdFirst = false
  let runs = 0
  const holdIfFirstRun = async () => {
    runs++
    if (holdFirst && runs === 1) {
      await firstBatchHeld
    }
  }
  const batcher = new DrainingBatcher<Item>(
    {
      key: ({ id }) => id,
      runBatch: async (items) => {
        const ids = items.map(({ id }) => id)
        batches.push(ids)
        await holdIfFirstRun()
        if (batchFails(ids)) {
          throw new Error("batch broke")
        }
        return { unhandled: unhandled(ids) }
      },
      runOne: async ({ id }) => {
        alone.push(id)
        await holdIfFirstRun()
        if (aloneFails(id)) {
          throw new Error(`order ${id} broke`)
        }
      },
      onBatchFailure: (_error, items) => failures.push(items.map(({ id }) => id)),
    },
    maxBatchSize
  )
  return {
    batcher,
    batches,
    alone,
    failures,
    holdFirstBatch: () => {
      holdFirst = true
    },
    releaseFirstBatch: () => releaseFirstBatch?.(),
  }
}

const outcome = (promise: Promise<void>) =>
  promise.then(
    () => "scheduled",
    (error: Error) => `failed: ${error.message}`
  )

describe("DrainingBatcher", () => {
  it("runs a lone item at once, on the one-item path", async () => {
    const { batcher, batches, alone } = recordingBatcher()
    await expect(batcher.add({ id: "a" })).resolves.toBeUndefined()
    expect(batches).toEqual([])
    expect(alone).toEqual(["a"])
  })

  it("rejects a lone item that fails with its own error, after one run", async () => {
    const t = recordingBatcher({ aloneFails: (id) => id === "bad" })
    await expect(outcome(t.batcher.add({ id: "bad" }))).resolves.toBe("failed: order bad broke")
    expect(t.alone).toEqual(["bad"])
    expect(t.failures).toEqual([])
  })

  it("gathers the items that arrive while a batch runs into the next one, up to the size limit", async () => {
    const t = recordingBatcher({ maxBatchSize: 3 })
    t.holdFirstBatch()
    const first = t.batcher.add({ id: "a" })
    await new Promise((resolve) => setImmediate(resolve))
    const later = ["b", "c", "d", "e", "f"].map((id) => t.batcher.add({ id }))
    expect(t.batcher.backlog).toBe(5)
    t.releaseFirstBatch()
    await Promise.all([first, ...later])
    expect(t.alone).toEqual(["a"])
    expect(t.batches).toEqual([["b", "c", "d"], ["e", "f"]])
    expect(t.batcher.backlog).toBe(0)
  })

  it("shares one run and one outcome between waiting items with the same key", async () => {
    const t = recordingBatcher()
    const [one, two] = [t.batcher.add({ id: "a" }), t.batcher.add({ id: "a" })]
    expect(one).toBe(two)
    await one
    expect(t.alone).toEqual(["a"])
    expect(t.batches).toEqual([])
  })

  it("runs the items a batch leaves unhandled on their own, each with its own outcome", async () => {
    const t = recordingBatcher({ unhandled: (ids) => ids.filter((id) => id !== "a"), aloneFails: (id) => id === "c" })
    const outcomes = await Promise.all(["a", "b", "c"].map((id) => outcome(t.batcher.add({ id }))))
    expect(t.batches).toEqual([["a", "b", "c"]])
    expect(t.alone).toEqual(["b", "c"])
    expect(outcomes).toEqual(["scheduled", "scheduled", "failed: order c broke"])
  })

  it("runs every item of a failed batch on its own, so that one bad item fails alone", async () => {
    const t = recordingBatcher({ batchFails: (ids) => ids.includes("bad"), aloneFails: (id) => id === "bad" })
    const outcomes = await Promise.all(["a", "bad", "b"].map((id) => outcome(t.batcher.add({ id }))))
    expect(t.failures).toEqual([["a", "bad", "b"]])
    expect(t.alone).toEqual(["a", "bad", "b"])
    expect(outcomes).toEqual(["scheduled", "failed: order bad broke", "scheduled"])
    // and the batcher goes on with the next items
    await t.batcher.add({ id: "c" })
    expect(t.alone.at(-1)).toBe("c")
  })

  it("runs an item added the moment the one before it settled", async () => {
    const t = recordingBatcher()
    await t.batcher.add({ id: "a" })
    await t.batcher.add({ id: "b" })
    expect(t.alone).toEqual(["a", "b"])
  })

  it("is idle once nothing waits or runs", async () => {
    const t = recordingBatcher()
    void t.batcher.add({ id: "a" })
    void t.batcher.add({ id: "b" })
    await t.batcher.idle()
    expect(t.batches.flat()).toEqual(["a", "b"])
  })
})
