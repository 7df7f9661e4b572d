/** What a batch run says of each of its items: handled, or to be retried alone. */
export interface BatchRunResult<K> {
  /** keys the batch did not handle: each is then run on its own */
  unhandled: K[]
}

export interface DrainingBatcherHandlers<T, K> {
  key(item: T): K
  /** the whole batch (two items or more) at once; a throw hands every item to `runOne` */
  runBatch(items: T[]): Promise<BatchRunResult<K>>
  /** one item: a lone one, or one the batch left */
  runOne(item: T): Promise<void>
  /** told when a batch run threw, before its items are run one by one */
  onBatchFailure?(error: unknown, items: T[]): void
}

interface Waiting<T> {
  item: T
  settled: Promise<void>
  resolve(): void
  reject(error: unknown): void
}

/**
 * Batches without a timer: an item that arrives while nothing runs is run at once, on its own
 * (`runOne`: the one-item path costs less than a batch of one); those that arrive while a run is
 * under way wait for it to end and then go together (up to `maxBatchSize`). A lone item never
 * waits for others, and under load the batches grow by themselves. Items with the same key
 * waiting together share one run and one outcome.
 */
export class DrainingBatcher<T, K = string> {
  protected readonly waiting_ = new Map<K, Waiting<T>>()
  protected draining_: Promise<void> | null = null

  constructor(
    protected readonly handlers_: DrainingBatcherHandlers<T, K>,
    protected readonly maxBatchSize_: number
  ) {}

  /** Items waiting for a batch (not those of the batch that runs). */
  get backlog(): number {
    return this.waiting_.size
  }

  /** Settles when the item's batch (or its own run after a batch failure) handled it, or rejects with its error. */
  add(item: T): Promise<void> {
    const key = this.handlers_.key(item)
    const already = this.waiting_.get(key)
    if (already) {
      return already.settled
    }
    let resolve!: () => void
    let reject!: (error: unknown) => void
    const settled = new Promise<void>((res, rej) => {
      resolve = res
      reject = rej
    })
    this.waiting_.set(key, { item, settled, resolve, reject })
    this.draining_ ??= this.drain()
    return settled
  }

  /** Settles once nothing waits or runs. */
  async idle(): Promise<void> {
    while (this.draining_) {
      await this.draining_
    }
  }

  protected async drain(): Promise<void> {
    // the first batch starts on the next microtask, so items added in the same tick go together
    await Promise.resolve()
    try {
      while (this.waiting_.size) {
        const batch = [...this.waiting_.entries()].slice(0, this.maxBatchSize_)
        for (const [key] of batch) {
          this.waiting_.delete(key)
        }
        await this.run(batch.map(([, waiting]) => waiting))
      }
    } finally {
      // in the same tick as the last look at `waiting_`: an item added later starts a new drain
      // (cleared in a `.finally()` callback, it could land in between and wait forever)
      this.draining_ = null
    }
  }

  protected async run(batch: Waiting<T>[]): Promise<void> {
    let alone: Waiting<T>[]
    if (batch.length === 1) {
      return this.runAlone(batch)
    }
    try {
      const { unhandled } = await this.handlers_.runBatch(batch.map(({ item }) => item))
      const unhandledKeys = new Set(unhandled)
      alone = []
      for (const waiting of batch) {
        if (unhandledKeys.has(this.handlers_.key(waiting.item))) {
          alone.push(waiting)
        } else {
          waiting.resolve()
        }
      }
    } catch (error) {
      this.handlers_.onBatchFailure?.(error, batch.map(({ item }) => item))
      alone = batch
    }
    await this.runAlone(alone)
  }

  protected async runAlone(alone: Waiting<T>[]): Promise<void> {
    for (const waiting of alone) {
      try {
        await this.handlers_.runOne(waiting.item)
        waiting.resolve()
      } catch (error) {
        waiting.reject(error)
      }
    }
  }
}
