import type { Context, Logger } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { Invoice, InvoiceSequence, OrderSnapshot, RiskReview, SideEffectJob } from "./models"
import type { AsyncFulfilmentOptions } from "./options"
import { enabledSideEffectKinds } from "./options"
import type { RedisConnections } from "./redis/connections"
import { closeRedisConnections } from "./redis/connections"
import type { ReconcileLock } from "./redis/reconcile-lock"
import type { QueueJobView, SideEffectQueues } from "./queues/side-effect-queues"
import type { SideEffectFlowInput } from "./queues/side-effect-flow"
import type { SideEffectWorkers } from "./workers/side-effect-workers"
import type { ReviewNotice } from "./mail/review-notices"
import type { SideEffectJobProgress, SideEffectStart } from "./runtime/side-effect-job-progress"
import type { ProcessorDocuments } from "./runtime/processor-documents"
import { findOrderSnapshotDocument, insertOrderSnapshot } from "./db/order-snapshot-document"
import { RiskDecisionRecord, recordRiskDecisionRow, undoRiskDecisionRow } from "./db/risk-review-decision"
import {
  AllocatedInvoiceRow,
  recordIssuedInvoiceRow,
  findInvoiceRow,
  insertInvoiceWithNextNumber,
} from "./db/allocate-invoice-number"
import { dependentsOf, SideEffectKind } from "./types/side-effect"
import type { InvoiceModel } from "./invoice/model"
import { isEInvoice, renderInvoiceXml, type InvoiceXmlFormat } from "./invoice/issue-invoice"
import type { OrderDocument } from "./types/order-document"
import { retryDelayMs } from "./retry-policy"
import {
  applyTransition,
  AttemptFailure,
  canTransition,
  SideEffectJobTransition,
  SideEffectJobStatus,
  TransitionInput,
} from "./side-effect-jobs/state-machine"
import { insertMissingSideEffectJobs } from "./side-effect-jobs/insert-missing-side-effect-jobs"
import { startOf, startSideEffectJob } from "./side-effect-jobs/start-side-effect-job"
import { completeSideEffectJob } from "./side-effect-jobs/complete-side-effect-job"
import {
  findStuckSideEffectJobs,
  firstRecordedAt,
  ordersWithoutSideEffectJobs,
} from "./side-effect-jobs/find-reconcile-candidates"
import { collectSideEffectStats, SideEffectStats } from "./stats/collect-side-effect-stats"
import { renderPrometheusMetrics } from "./stats/prometheus-metrics"
import { LostJobsOutcome, requeueLostJobs } from "./reconcile/requeue-lost-jobs"

type InjectedDependencies = {
  logger: Logger
  event_bus?: object
  asyncFulfilmentOptions: AsyncFulfilmentOptions
  asyncFulfilmentRedis: RedisConnections
  asyncFulfilmentQueues: SideEffectQueues
  asyncFulfilmentWorkers: SideEffectWorkers
  asyncFulfilmentReconcileLock: ReconcileLock
}

type ModuleDeclaration = { worker_mode?: "shared" | "worker" | "server" }

export interface RecordOrderSideEffectsInput {
  document: OrderDocument
  event_id: string | null
  kinds?: SideEffectKind[]
  /** kinds recorded as `held` (risk review): not enqueued until the review releases them */
  held_kinds?: SideEffectKind[]
}

export type { SideEffectStart }

export default class AsyncFulfilmentModuleService
  extends MedusaService({
    SideEffectJob,
    OrderSnapshot,
    Invoice,
    InvoiceSequence,
    RiskReview,
  })
  implements SideEffectJobProgress, ProcessorDocuments
{
  protected readonly logger_: Logger
  protected readonly options_: AsyncFulfilmentOptions
  protected readonly redis_: RedisConnections
  protected readonly queues_: SideEffectQueues
  protected readonly workers_: SideEffectWorkers
  protected readonly runsWorkers_: boolean
  protected readonly reconcileLock_: ReconcileLock
  /** read at start, once every module is loaded */
  protected readonly eventBusName_: () => string | undefined

  constructor(deps: InjectedDependencies, _options?: unknown, declaration?: ModuleDeclaration) {
    // @ts-ignore MedusaService takes the container and module arguments as they came
    super(...arguments)
    this.logger_ = deps.logger
    this.options_ = deps.asyncFulfilmentOptions
    this.redis_ = deps.asyncFulfilmentRedis
    this.queues_ = deps.asyncFulfilmentQueues
    this.workers_ = deps.asyncFulfilmentWorkers
    this.reconcileLock_ = deps.asyncFulfilmentReconcileLock
    this.runsWorkers_ = (declaration?.worker_mode ?? "shared") !== "server"
    this.eventBusName_ = () => deps.event_bus?.constructor?.name
  }

  __hooks = {
    onApplicationStart: async () => {
      if (this.eventBusName_()?.toLowerCase().includes("local")) {
        this.logger_.warn(
          "[async-fulfilment] Medusa runs on the local event bus: an order.placed emitted while the store " +
            "restarts is lost (the reconciler catches it later). Use @medusajs/medusa/event-bus-redis."
        )
      }
      if (this.runsWorkers_) {
        // the workers see the service only through these two narrow interfaces
        await this.workers_.start({ progress: this, documents: this })
      }
    },
    onApplicationPrepareShutdown: async () => {
      await this.workers_.close()
    },
    onApplicationShutdown: async () => {
      await this.workers_.close()
      await this.queues_.close()
      await closeRedisConnections(this.redis_)
    },
  }

  getOptions(): AsyncFulfilmentOptions {
    return this.options_
  }

  getQueues(): SideEffectQueues {
    return this.queues_
  }

  /**
   * Stores the order document and one side-effect job per kind. Returns the kinds this call
   * created: only those are to be enqueued, which makes a repeated `order.placed` a no-op.
   */
  @InjectManager()
  async recordOrderSideEffects(
    input: RecordOrderSideEffectsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ created_kinds: SideEffectKind[] }> {
    const created_kinds = await this.recordOrderSideEffects_(input, sharedContext)
    return { created_kinds }
  }

  @InjectTransactionManager()
  protected async recordOrderSideEffects_(
    input: RecordOrderSideEffectsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SideEffectKind[]> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const { document } = input
    await insertOrderSnapshot(manager, document)
    const kinds = input.kinds ?? enabledSideEffectKinds(this.options_)
    return insertMissingSideEffectJobs(
      manager,
      kinds.map((kind) => ({
        order_id: document.order_id,
        order_display_id: document.display_id,
        kind,
        held: input.held_kinds?.includes(kind) ?? false,
        max_attempts: this.options_.jobs[kind].attempts,
        event_id: input.event_id,
      }))
    )
  }

  /** Adds the order's queue jobs to BullMQ in one round trip; returns their job ids. */
  async enqueueOrderSideEffects(input: SideEffectFlowInput): Promise<string[]> {
    return this.queues_.enqueue(input)
  }

  async describeQueueJob(kind: SideEffectKind, orderId: string): Promise<QueueJobView | null> {
    return this.queues_.describe(kind, orderId)
  }

  async removeOrderSideEffectJobs(orderId: string, kinds: SideEffectKind[]): Promise<void> {
    await this.queues_.remove(orderId, kinds)
  }

  @InjectManager()
  async retrieveOrderDocument(
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderDocument> {
    const document = await findOrderSnapshotDocument(sharedContext.manager as SqlEntityManager, orderId)
    if (!document) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No order document recorded for order ${orderId}`)
    }
    return document as unknown as OrderDocument
  }

  /** The order's invoice, allocating its number on first call (gap-free, once per order). */
  async allocateInvoice(orderId: string, issuedAt = new Date()): Promise<AllocatedInvoiceRow> {
    try {
      return await this.allocateInvoice_(orderId, issuedAt)
    } catch (error) {
      // A concurrent allocation for the same order won the unique index; ours rolled back.
      const existing = await this.findInvoice(orderId)
      if (existing) {
        return existing
      }
      throw error
    }
  }

  @InjectTransactionManager()
  protected async allocateInvoice_(
    orderId: string,
    issuedAt: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AllocatedInvoiceRow> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const existing = await findInvoiceRow(manager, orderId)
    return existing ?? insertInvoiceWithNextNumber(manager, orderId, this.options_.invoice, issuedAt)
  }

  @InjectManager()
  async findInvoice(
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AllocatedInvoiceRow | null> {
    return findInvoiceRow(sharedContext.manager as SqlEntityManager, orderId)
  }

  /**
   * The CII or UBL XML of an issued invoice, rendered from the model it was issued with: byte for
   * byte the XML its Factur-X PDF embeds. CONFLICT (with the reason) when there is none to give.
   */
  async renderIssuedInvoiceXml(orderId: string, format: InvoiceXmlFormat): Promise<{ number: string; xml: Buffer }> {
    const invoice = await this.findInvoice(orderId)
    const conflict = (reason: string) => new MedusaError(MedusaError.Types.CONFLICT, reason)
    if (!invoice?.file_id) {
      throw conflict(`The invoice${invoice ? ` ${invoice.number}` : ""} of order ${orderId} is not ready yet; try again in a moment`)
    }
    if (!invoice.model) {
      throw conflict(`Invoice ${invoice.number} was issued before e-invoicing (plugin 0.1): it has a PDF only`)
    }
    if (!isEInvoice(invoice.model)) {
      throw conflict(`Invoice ${invoice.number} was issued with einvoice.profile "none": it has a PDF only`)
    }
    return { number: invoice.number, xml: renderInvoiceXml(invoice.model, format) }
  }

  @InjectManager()
  async recordIssuedInvoice(
    invoiceId: string,
    issued: { file: { id: string; url: string }; model: InvoiceModel },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await recordIssuedInvoiceRow(sharedContext.manager as SqlEntityManager, invoiceId, issued)
  }

  /** An admin retry: back to `queued` with fresh attempts; the error history stays. */
  async resetSideEffectJobsForRetry(ids: string[]): Promise<void> {
    const jobs = await this.listSideEffectJobs({ id: ids })
    await this.transition_(jobs, "resetForRetry", undefined)
  }

  /** An approved review: the order's held side-effect jobs go to `queued` and to BullMQ. */
  async releaseHeldSideEffects(orderId: string): Promise<SideEffectKind[]> {
    const held = await this.listSideEffectJobs({ order_id: orderId, status: "held" })
    if (!held.length) {
      return []
    }
    await this.transition_(held, "release", undefined)
    const kinds = held.map((job) => job.kind)
    await this.queues_.enqueue({ order_id: orderId, event_id: null, kinds })
    return kinds
  }

  /** An admin's decision on a pending review, in one conditional update; null when it is not pending. */
  @InjectManager()
  async recordRiskDecision(
    record: RiskDecisionRecord,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; order_id: string } | null> {
    return recordRiskDecisionRow(sharedContext.manager as SqlEntityManager, record)
  }

  /** Takes back a decision the review workflow never received; false when the review no longer holds it. */
  @InjectManager()
  async undoRiskDecision(record: RiskDecisionRecord, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    return undoRiskDecisionRow(sharedContext.manager as SqlEntityManager, record)
  }

  /** Queues a risk review's mail to the customer; nothing when the store sends no mail. */
  async sendReviewNotice(orderId: string, notice: ReviewNotice): Promise<boolean> {
    if (!this.options_.smtp) {
      return false
    }
    await this.queues_.enqueueReviewNotice(orderId, notice)
    return true
  }

  /** A rejected review: the held side-effect jobs will never run; kept for audit as discarded. */
  async discardHeldSideEffects(orderId: string, reason: string): Promise<void> {
    const held = await this.listSideEffectJobs({ order_id: orderId, status: "held" })
    await this.transition_(held, "discard", { note: reason })
  }

  /** Replaces the queue jobs of these side-effect jobs with fresh ones (attempts reset), order by order. */
  async requeueSideEffectJobs(jobs: { order_id: string; kind: SideEffectKind }[]): Promise<void> {
    await this.queues_.requeue(jobs, { replace: true })
  }

  /** Gives up on a failure: kept for audit, out of BullMQ's failed set. */
  async discardSideEffectJob(id: string, note: string | null): Promise<void> {
    const job = await this.retrieveSideEffectJob(id)
    await this.transition_([job], "discard", { note })
    await this.queues_.remove(job.order_id, [job.kind], { withChildren: false })
  }

  /** Takes the reconcile lease (one instance at a time); null when another instance holds it. */
  async acquireReconcileLock(ttlMs: number): Promise<string | null> {
    return this.reconcileLock_.acquire(ttlMs)
  }

  async releaseReconcileLock(token: string): Promise<void> {
    await this.reconcileLock_.release(token)
  }

  /** Of these orders, the ones never recorded, if the plugin was already recording when they were placed. */
  @InjectManager()
  async findUnrecordedOrders(
    orders: { id: string; created_at: Date | string }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const since = await firstRecordedAt(manager)
    const eligible = since ? orders.filter((order) => new Date(order.created_at) >= since) : []
    return ordersWithoutSideEffectJobs(manager, eligible.map((order) => order.id))
  }

  /** Side-effect jobs idle past the grace period whose queue job is gone are enqueued again; failed ones synced. */
  @InjectManager()
  async reconcileStuckSideEffects(@MedusaContext() sharedContext: Context = {}): Promise<LostJobsOutcome> {
    const { graceSeconds, batchSize } = this.options_.reconcile
    const olderThan = new Date(Date.now() - graceSeconds * 1000)
    const stuck = await findStuckSideEffectJobs(sharedContext.manager as SqlEntityManager, olderThan, batchSize)
    const outcome = await requeueLostJobs(this.queues_, stuck)
    for (const { row, reason } of outcome.failed) {
      await this.markSideEffectFailed(row.order_id, row.kind, { attempt: 0, message: reason, stack_head: null, final: true })
    }
    await this.transition_(outcome.requeued, "requeueLost", undefined)
    return outcome
  }

  @InjectManager()
  async getSideEffectStats(@MedusaContext() sharedContext: Context = {}): Promise<SideEffectStats> {
    return collectSideEffectStats(this.queues_, sharedContext.manager as SqlEntityManager)
  }

  async getPrometheusMetrics(): Promise<string> {
    return renderPrometheusMetrics(this.queues_, await this.getSideEffectStats())
  }

  /** Starts the side-effect job for this attempt, or says it already completed (run nothing twice). */
  async markSideEffectActive(
    orderId: string,
    kind: SideEffectKind,
    attempt: number,
    { resumedAfterStall = false } = {}
  ): Promise<SideEffectStart> {
    if (resumedAfterStall) {
      return this.markSideEffectActiveAfterStall(orderId, kind, attempt)
    }
    return startOf(await this.startSideEffectJob_(orderId, kind, attempt))
  }

  @InjectManager()
  protected async startSideEffectJob_(
    orderId: string,
    kind: SideEffectKind,
    attempt: number,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return startSideEffectJob(sharedContext.manager as SqlEntityManager, orderId, kind, attempt)
  }

  /** The rare path: the history also says that another worker died holding this queue job. */
  protected async markSideEffectActiveAfterStall(
    orderId: string,
    kind: SideEffectKind,
    attempt: number
  ): Promise<SideEffectStart> {
    const [job] = await this.listSideEffectJobs({ order_id: orderId, kind }, { take: 1 })
    const start = startOf(job ?? null)
    if (start.state === "run") {
      await this.transition_([job], "resumeAfterStall", { attempt, kind, error_history: job.error_history })
    }
    return start
  }

  @InjectManager()
  async markSideEffectCompleted(
    orderId: string,
    kind: SideEffectKind,
    result: unknown,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await completeSideEffectJob(sharedContext.manager as SqlEntityManager, orderId, kind, result)
  }

  /** Records a failed attempt: back to `queued` while retries remain, `failed` after the last. */
  async markSideEffectFailed(
    orderId: string,
    kind: SideEffectKind,
    failure: AttemptFailure
  ): Promise<void> {
    const [job] = await this.listSideEffectJobs({ order_id: orderId, kind }, { take: 1 })
    if (!job) {
      return
    }
    if (failure.final) {
      await this.transition_([job], "fail", { previous: job, failure })
    } else {
      const retryInMs = failure.retry_in_ms ?? retryDelayMs(failure.attempt, this.options_.jobs[kind])
      await this.transition_([job], "retryLater", { previous: job, failure, retryInMs })
    }
    if (failure.final) {
      await this.failDependents(orderId, kind, failure.message)
    }
  }

  /** BullMQ fails a waiting parent with its child (the mail with its invoice): Postgres says so too. */
  protected async failDependents(orderId: string, kind: SideEffectKind, error: string): Promise<void> {
    for (const dependency of dependentsOf(kind)) {
      const [waiting] = await this.listSideEffectJobs({ order_id: orderId, kind: dependency.kind }, { take: 1 })
      if (waiting && canTransition("failWithDependency", waiting.status)) {
        await this.transition_([waiting], "failWithDependency", { reason: dependency.failedBecause(error) })
      }
    }
  }

  /** Applies one transition of the state machine to these side-effect jobs, in one ORM update. */
  protected async transition_<T extends SideEffectJobTransition>(
    jobs: { id: string; status: SideEffectJobStatus }[],
    name: T,
    input: TransitionInput<T>
  ): Promise<void> {
    if (!jobs.length) {
      return
    }
    const now = new Date()
    await this.updateSideEffectJobs(jobs.map((job) => ({ id: job.id, ...applyTransition(name, job, input, now) })))
  }
}
