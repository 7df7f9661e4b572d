import type { Context, IEventBusModuleService, Logger } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { AuditEntry, CreditNote, CreditRequest, Invoice, InvoiceSequence, OrderSnapshot, RiskReview, SideEffectJob } from "./models"
import { ALERT_RAISED_EVENT, alertRaisedEventData } from "./alerts/alert-event"
import type { AsyncFulfilmentOptions } from "./options"
import { enabledSideEffectKinds } from "./options"
import type { RedisConnections } from "./redis/connections"
import { closeRedisConnections } from "./redis/connections"
import { readCheckoutTrace, rememberCheckoutTrace } from "./tracing/checkout-traces"
import type { TraceCarrier } from "./tracing/trace-carrier"
import type { ReconcileLock } from "./redis/reconcile-lock"
import type { QueueJobView, SideEffectQueues } from "./queues/side-effect-queues"
import type { SideEffectFlowInput } from "./queues/side-effect-flow"
import { sideEffectJobId } from "./queues/names"
import type { SideEffectWorkers } from "./workers/side-effect-workers"
import type { SideEffectAlerts } from "./alerts/side-effect-alerts"
import type { ReviewNotice } from "./mail/review-notices"
import type { SideEffectJobProgress, SideEffectStart } from "./runtime/side-effect-job-progress"
import type { ProcessorDocuments, SideEffectState } from "./runtime/processor-documents"
import { findOrderSnapshotDocument, insertOrderSnapshots } from "./db/order-snapshot-document"
import { RiskDecisionRecord, recordRiskDecisionRow, undoRiskDecisionRow } from "./db/risk-review-decision"
import {
  AllocateCreditNoteInput,
  CreditNoteRow,
  findCreditNoteRow,
  findCreditNoteRows,
  insertCreditNoteWithNextNumber,
  recordCreditNoteFile,
} from "./db/credit-notes"
import { creditNoteBuilder, type IssueCreditNoteInput } from "./invoice/credit-note/issue-credit-note"
import {
  CreditRequestRow,
  findCreditRequestsBySourceKeys,
  insertMissingCreditRequests,
  NewCreditRequest,
  recordCreditRequestOutcome,
} from "./db/credit-requests"
import { settleCreditRequest, type SettledCreditRequest } from "./credit-requests/settle-credit-request"
import {
  AllocatedInvoiceRow,
  recordIssuedInvoiceRow,
  findInvoiceRow,
  findOrInsertInvoiceWithNextNumber,
} from "./db/allocate-invoice-number"
import { dependencyOf, dependentsOf, ORDER_CANCELED_SUBJECT, readersOf, SideEffectKind } from "./types/side-effect"
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
import { discardPendingSideEffectJobs } from "./side-effect-jobs/discard-pending-side-effect-jobs"
import { startOf, startSideEffectJob } from "./side-effect-jobs/start-side-effect-job"
import { completeSideEffectJob } from "./side-effect-jobs/complete-side-effect-job"
import {
  discardFailedSideEffectJob,
  resetSideEffectJobsForRetry,
  restoreSideEffectJobsAfterRetry,
  SideEffectJobBeforeRetry,
} from "./side-effect-jobs/admin-side-effect-job-writes"
import {
  findInQueueSideEffectJobs,
  findStuckSideEffectJobs,
  StuckJobsCursor,
} from "./side-effect-jobs/find-reconcile-candidates"
import { collectSideEffectStats, SideEffectStats } from "./stats/collect-side-effect-stats"
import { renderPrometheusMetrics } from "./stats/prometheus-metrics"
import { SideEffectMetrics } from "./stats/otel-metrics"
import { LostJobsOutcome, requeueLostJobs } from "./reconcile/requeue-lost-jobs"
import {
  eraseOrdersPersonalData,
  lockCustomerOrders,
  lockExpiredOrders,
  lockUnfinishedJobs,
} from "./privacy/erase-order-personal-data"
import { recordErpResync, recordMailResend, RecordedAction } from "./order-actions/record-order-actions"
import { findResendRecipient } from "./db/order-actions"
import { parseActionSubject } from "./types/action-subjects"

/** "mail of order order_01…" or "mail of credit note afcn_01… of order order_01…", for messages. */
const describeJob = (row: { kind: string; order_id: string; subject?: string | null }) =>
  !row.subject
    ? `${row.kind} of order ${row.order_id}`
    : row.subject === ORDER_CANCELED_SUBJECT
      ? `${row.kind} (cancellation notice) of order ${row.order_id}`
      : parseActionSubject(row.subject)
        ? `${row.kind} (${row.subject}) of order ${row.order_id}`
        : `${row.kind} of credit note ${row.subject} of order ${row.order_id}`

type InjectedDependencies = {
  logger: Logger
  event_bus?: IEventBusModuleService
  asyncFulfilmentOptions: AsyncFulfilmentOptions
  asyncFulfilmentRedis: RedisConnections
  asyncFulfilmentQueues: SideEffectQueues
  asyncFulfilmentWorkers: SideEffectWorkers
  asyncFulfilmentReconcileLock: ReconcileLock
  asyncFulfilmentAlerts: SideEffectAlerts
}

type ModuleDeclaration = { worker_mode?: "shared" | "worker" | "server" }

export interface RecordOrderSideEffectsInput {
  document: OrderDocument
  event_id: string | null
  kinds?: SideEffectKind[]
  /** kinds recorded as `held` (risk review): not enqueued until the review releases them */
  held_kinds?: SideEffectKind[]
}

/** What recording an order's side effects created: nothing for an order recorded before. */
export interface RecordedOrderSideEffects {
  order_id: string
  created_kinds: SideEffectKind[]
}

export type { SideEffectStart }

/** A credit note and the side-effect jobs this call recorded for it (none when they existed). */
export interface IssuedCreditNoteSideEffects {
  credit_note: CreditNoteRow
  created_kinds: SideEffectKind[]
}

/**
 * Where a canceled order stands: `invoiced` (credit it), `invoicing` (its invoice job is running
 * right now: look again shortly), or `not_invoiced` (its pending jobs are discarded, and no
 * invoice will be issued).
 */
export type CanceledOrderState =
  | { state: "invoiced" }
  | { state: "invoicing" }
  | { state: "not_invoiced"; discarded_kinds: SideEffectKind[]; erp_received: boolean }

/** The reconcile lease a sweep holds: renewed for `ttl_ms` before each batch. */
export interface ReconcileLease {
  token: string
  ttl_ms: number
}

export default class AsyncFulfilmentModuleService
  extends MedusaService({
    CreditNote,
    CreditRequest,
    SideEffectJob,
    OrderSnapshot,
    Invoice,
    InvoiceSequence,
    RiskReview,
    AuditEntry,
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
  protected readonly alerts_: SideEffectAlerts
  protected metrics_: SideEffectMetrics | null = null
  /** work started outside the module (an order waiting for its schedule batch) that shutdown waits for */
  protected readonly unfinishedWork_ = new Set<Promise<unknown>>()
  /** read at start, once every module is loaded */
  protected readonly eventBusName_: () => string | undefined
  protected readonly eventBus_: IEventBusModuleService | undefined

  constructor(deps: InjectedDependencies, _options?: unknown, declaration?: ModuleDeclaration) {
    // @ts-ignore MedusaService takes the container and module arguments as they came
    super(...arguments)
    this.logger_ = deps.logger
    this.options_ = deps.asyncFulfilmentOptions
    this.redis_ = deps.asyncFulfilmentRedis
    this.queues_ = deps.asyncFulfilmentQueues
    this.workers_ = deps.asyncFulfilmentWorkers
    this.reconcileLock_ = deps.asyncFulfilmentReconcileLock
    this.alerts_ = deps.asyncFulfilmentAlerts
    this.runsWorkers_ = (declaration?.worker_mode ?? "shared") !== "server"
    this.eventBusName_ = () => deps.event_bus?.constructor?.name
    this.eventBus_ = deps.event_bus
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
        // made here, after the store's instrumentation registered its MeterProvider (if any)
        this.metrics_ ??= new SideEffectMetrics()
        this.metrics_.observeQueues(this.queues_, enabledSideEffectKinds(this.options_))
        await this.workers_.start({ progress: this, documents: this, metrics: this.metrics_ })
        const eventBus = this.eventBus_
        await this.alerts_?.start({
          announce: eventBus ? (batch) => eventBus.emit({ name: ALERT_RAISED_EVENT, data: alertRaisedEventData(batch) }) : undefined,
        })
      }
    },
    onApplicationPrepareShutdown: async () => {
      await Promise.allSettled([...this.unfinishedWork_])
      this.metrics_?.stopObserving()
      await this.workers_.close()
      await this.alerts_?.close()
    },
    onApplicationShutdown: async () => {
      await this.workers_.close()
      await this.alerts_?.close()
      await this.queues_.close()
      await closeRedisConnections(this.redis_)
    },
  }

  /** Keeps shutdown from closing Postgres and Redis under this work (it never rejects the shutdown). */
  holdShutdownUntil(work: Promise<unknown>): void {
    this.unfinishedWork_.add(work)
    void work.finally(() => this.unfinishedWork_.delete(work)).catch(() => undefined)
  }

  getOptions(): AsyncFulfilmentOptions {
    return this.options_
  }

  getQueues(): SideEffectQueues {
    return this.queues_
  }

  /** Keeps the checkout's trace context for the order's `order.placed` handling and later retries. */
  async rememberCheckoutTrace(orderId: string, carrier: TraceCarrier): Promise<void> {
    await rememberCheckoutTrace(this.redis_.producer, this.options_.queuePrefix, orderId, carrier)
  }

  /** The checkout's trace context of the order, when one was recorded (and not expired). */
  async checkoutTraceOf(orderId: string): Promise<TraceCarrier | undefined> {
    return readCheckoutTrace(this.redis_.producer, this.options_.queuePrefix, orderId)
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
    const [recorded] = await this.recordOrdersSideEffects_([input], sharedContext)
    return { created_kinds: recorded.created_kinds }
  }

  /**
   * The same for a batch of orders in one transaction: one insert of their documents, one of
   * their side-effect jobs. Per order (in the input's order) the kinds this call created.
   */
  @InjectManager()
  async recordOrdersSideEffects(
    inputs: RecordOrderSideEffectsInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedOrderSideEffects[]> {
    return this.recordOrdersSideEffects_(inputs, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordOrdersSideEffects_(
    inputs: RecordOrderSideEffectsInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedOrderSideEffects[]> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await insertOrderSnapshots(manager, inputs.map(({ document }) => document))
    const inserted = await insertMissingSideEffectJobs(
      manager,
      inputs.flatMap(({ document, kinds = enabledSideEffectKinds(this.options_), held_kinds, event_id }) =>
        kinds.map((kind) => ({
          order_id: document.order_id,
          order_display_id: document.display_id,
          kind,
          held: held_kinds?.includes(kind) ?? false,
          max_attempts: this.options_.jobs[kind].attempts,
          event_id,
        }))
      )
    )
    const createdKinds = new Map<string, SideEffectKind[]>()
    for (const row of inserted) {
      createdKinds.set(row.order_id, [...(createdKinds.get(row.order_id) ?? []), row.kind])
    }
    return inputs.map(({ document }) => ({ order_id: document.order_id, created_kinds: createdKinds.get(document.order_id) ?? [] }))
  }

  /** Adds the order's queue jobs to BullMQ in one round trip; returns their job ids. */
  async enqueueOrderSideEffects(input: SideEffectFlowInput): Promise<string[]> {
    return this.queues_.enqueue(input)
  }

  /** The queue jobs of several subjects (an order's credit notes) in one round trip. */
  async enqueueSideEffectFlows(inputs: SideEffectFlowInput[]): Promise<string[]> {
    return this.queues_.enqueueMany(inputs)
  }

  async describeQueueJob(kind: SideEffectKind, orderId: string, subject = ""): Promise<QueueJobView | null> {
    return this.queues_.describe(kind, orderId, subject)
  }

  async removeOrderSideEffectJobs(orderId: string, kinds: SideEffectKind[], subject = ""): Promise<void> {
    await this.queues_.remove(orderId, kinds, { subject })
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

  @InjectManager()
  protected async allocateInvoice_(
    orderId: string,
    issuedAt: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AllocatedInvoiceRow> {
    const manager = sharedContext.manager as SqlEntityManager
    return findOrInsertInvoiceWithNextNumber(manager, orderId, this.options_.invoice, issuedAt)
  }

  @InjectManager()
  async findInvoice(
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AllocatedInvoiceRow | null> {
    return findInvoiceRow(sharedContext.manager as SqlEntityManager, orderId)
  }

  /**
   * Issues the credit note of `sourceKey` once (a repeat returns it): numbered in the credit-note
   * series in the transaction that inserts it, never more than the invoice still holds.
   */
  async issueCreditNote(input: IssueCreditNoteInput): Promise<CreditNoteRow> {
    try {
      return await this.issueCreditNote_(input)
    } catch (error) {
      // a concurrent issue of the same source won the unique index; ours rolled back
      const issued = (await this.findOrderCreditNotes(input.orderId)).find((row) => row.source_key === input.sourceKey)
      if (issued) {
        return issued
      }
      throw error
    }
  }

  /** What the allocating transaction needs to issue the credit note of this input. */
  protected creditNoteAllocation(input: IssueCreditNoteInput): AllocateCreditNoteInput {
    return {
      orderId: input.orderId,
      reason: input.reason,
      sourceKey: input.sourceKey,
      issuedAt: input.issuedAt ?? new Date(),
      numbering: this.options_.invoice,
      build: creditNoteBuilder(input),
    }
  }

  @InjectTransactionManager()
  protected async issueCreditNote_(
    input: IssueCreditNoteInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CreditNoteRow> {
    return insertCreditNoteWithNextNumber(sharedContext.transactionManager as SqlEntityManager, this.creditNoteAllocation(input))
  }

  /**
   * Issues the credit note of `sourceKey` (once) and records its side-effect jobs (subject = its
   * id, the kinds the store runs) in the same transaction, so a credit note never exists without
   * its jobs. A repeat returns the credit note and records nothing new.
   */
  async issueCreditNoteWithSideEffects(
    input: IssueCreditNoteInput & { eventId: string | null }
  ): Promise<IssuedCreditNoteSideEffects> {
    try {
      return await this.issueCreditNoteWithSideEffects_(input)
    } catch (error) {
      // a concurrent issue of the same source won the unique index; ours rolled back: go on with theirs
      if ((await this.findOrderCreditNotes(input.orderId)).some((row) => row.source_key === input.sourceKey)) {
        return this.issueCreditNoteWithSideEffects_(input)
      }
      throw error
    }
  }

  @InjectTransactionManager()
  protected async issueCreditNoteWithSideEffects_(
    input: IssueCreditNoteInput & { eventId: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<IssuedCreditNoteSideEffects> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const creditNote = await insertCreditNoteWithNextNumber(manager, this.creditNoteAllocation(input))
    const created_kinds = await this.insertSubjectJobs_(manager, input.orderId, creditNote.id, enabledSideEffectKinds(this.options_), input.eventId)
    return { credit_note: creditNote, created_kinds }
  }

  /** The side-effect jobs of one subject (a credit note, a credit request) not recorded yet, in the caller's transaction. */
  protected async insertSubjectJobs_(
    manager: SqlEntityManager,
    orderId: string,
    subject: string,
    kinds: SideEffectKind[],
    eventId: string | null
  ): Promise<SideEffectKind[]> {
    const document = await findOrderSnapshotDocument(manager, orderId)
    const inserted = await insertMissingSideEffectJobs(
      manager,
      kinds.map((kind) => ({
        order_id: orderId,
        order_display_id: (document?.display_id as number | undefined) ?? null,
        kind,
        subject,
        held: false,
        max_attempts: this.options_.jobs[kind].attempts,
        event_id: eventId,
      }))
    )
    return inserted.map((row) => row.kind)
  }

  /**
   * Records refunds and returns to be credited, each with its `invoice` job (subject = the
   * request's id) that settles it, in one transaction. Only those not recorded yet (by source
   * key): a repeated event or the reconciler records nothing new. Nothing when invoices are off.
   */
  @InjectTransactionManager()
  async recordCreditRequests(
    requests: NewCreditRequest[],
    eventId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ subject: string; kinds: SideEffectKind[] }[]> {
    if (!enabledSideEffectKinds(this.options_).includes("invoice")) {
      return []
    }
    const manager = sharedContext.transactionManager as SqlEntityManager
    const inserted = await insertMissingCreditRequests(manager, requests)
    const recorded: { subject: string; kinds: SideEffectKind[] }[] = []
    for (const request of inserted) {
      recorded.push({ subject: request.id, kinds: await this.insertSubjectJobs_(manager, request.order_id, request.id, ["invoice"], eventId) })
    }
    return recorded
  }

  @InjectManager()
  async findCreditRequestsBySourceKeys(sourceKeys: string[], @MedusaContext() sharedContext: Context = {}): Promise<CreditRequestRow[]> {
    return findCreditRequestsBySourceKeys(sharedContext.manager as SqlEntityManager, sourceKeys)
  }

  /**
   * Settles a refund or return (its job calls this): its credit note issued with its PDF, mail
   * and ERP jobs, or why none is due, in one transaction; once (a repeat returns the outcome).
   */
  @InjectTransactionManager()
  async settleCreditRequest(
    id: string,
    eventId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SettledCreditRequest> {
    const kinds = enabledSideEffectKinds(this.options_)
    return settleCreditRequest(sharedContext.transactionManager as SqlEntityManager, id, {
      allocation: (input) => this.creditNoteAllocation(input),
      recordJobs: (manager, orderId, creditNoteId) => this.insertSubjectJobs_(manager, orderId, creditNoteId, kinds, eventId),
    })
  }

  /** Of these orders, those invoiced (with a model) that have no cancellation credit note and something left to credit. */
  @InjectManager()
  async findInvoicedWithoutCancellationCreditNote(
    orderIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (!orderIds.length) {
      return []
    }
    const rows = await (sharedContext.manager as SqlEntityManager).execute(
      `SELECT invoice.order_id FROM af_invoice invoice
       WHERE invoice.order_id IN (${orderIds.map(() => "?").join(", ")}) AND invoice.deleted_at IS NULL
         AND invoice.model IS NOT NULL AND invoice.file_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM af_credit_note note WHERE note.order_id = invoice.order_id
                         AND note.reason = 'cancellation' AND note.deleted_at IS NULL)
         -- refunds and returns that took back the whole invoice leave the cancellation nothing to credit
         AND (SELECT COALESCE(SUM((note.model -> 'totals' ->> 'grossTotal')::numeric), 0) FROM af_credit_note note
              WHERE note.invoice_id = invoice.id AND note.deleted_at IS NULL) < (invoice.model -> 'totals' ->> 'grossTotal')::numeric`,
      orderIds
    )
    return (rows as { order_id: string }[]).map((row) => row.order_id)
  }

  /** True when the order's credit notes already take back its whole invoice (a cancellation has nothing left to credit). */
  @InjectManager()
  async isInvoiceFullyCredited(orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const [row] = await (sharedContext.manager as SqlEntityManager).execute(
      `SELECT (invoice.model -> 'totals' ->> 'grossTotal')::numeric <=
              (SELECT COALESCE(SUM((note.model -> 'totals' ->> 'grossTotal')::numeric), 0) FROM af_credit_note note
               WHERE note.invoice_id = invoice.id AND note.deleted_at IS NULL) AS fully
       FROM af_invoice invoice WHERE invoice.order_id = ? AND invoice.deleted_at IS NULL AND invoice.model IS NOT NULL`,
      [orderId]
    )
    return Boolean(row?.fully)
  }

  /** A refund or return of an order that will never have an invoice: nothing to credit. */
  @InjectManager()
  async closeCreditRequestNotInvoiced(id: string, @MedusaContext() sharedContext: Context = {}): Promise<CreditRequestRow> {
    return recordCreditRequestOutcome(sharedContext.manager as SqlEntityManager, id, { outcome: "not_invoiced" })
  }

  /**
   * A canceled order: invoiced already, or not and never to be. Its invoice job is discarded
   * first, conditionally (a worker starts only a job it may start), so once that holds no invoice
   * is issued and the mail and ERP jobs still pending are discarded too, their queue jobs removed.
   * An invoice job running right now is left to finish: `invoicing`.
   */
  async settleCanceledOrder(orderId: string, note: string): Promise<CanceledOrderState> {
    const issued = async () => Boolean((await this.findInvoice(orderId))?.file_id)
    if (await issued()) {
      return { state: "invoiced" }
    }
    const discarded = await this.discardPendingSideEffects_(orderId, ["invoice"], note)
    const [invoiceJob] = await this.listSideEffectJobs(
      { order_id: orderId, kind: "invoice", subject: "" },
      { take: 1, select: ["id", "status"] }
    )
    if (invoiceJob?.status === "active") {
      return { state: "invoicing" }
    }
    if (invoiceJob?.status === "completed" && (await issued())) {
      return { state: "invoiced" }
    }
    discarded.push(...(await this.discardPendingSideEffects_(orderId, ["mail", "erp"], note)))
    // parents first (the mail with its invoice under it): a child removed first would release its parent
    const parentsFirst = [...discarded].sort((a, b) => Number(!dependencyOf(a)) - Number(!dependencyOf(b)))
    // a job a worker holds stays (remove reports it); its row is discarded, so it stops at its start
    await this.queues_.remove(orderId, parentsFirst)
    const [erpJob] = await this.listSideEffectJobs(
      { order_id: orderId, kind: "erp", subject: "" },
      { take: 1, select: ["id", "status"] }
    )
    // an ERP job sending the order right now may land it: its cancellation notice waits for it
    const erpReceived = erpJob?.status === "completed" || erpJob?.status === "active"
    return { state: "not_invoiced", discarded_kinds: discarded, erp_received: erpReceived }
  }

  /**
   * The notices (subject `order_canceled`) of an order canceled before it was invoiced: the
   * customer's mail (not after a risk-review rejection, whose own notice said so already) and,
   * when the ERP received the order, its `order_canceled` document. Recorded once; a repeat
   * records nothing. Returns the kinds recorded now.
   */
  @InjectManager()
  async recordOrderCanceledNotices(
    orderId: string,
    eventId: string | null,
    tell: { erp: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SideEffectKind[]> {
    const enabled = enabledSideEffectKinds(this.options_)
    const manager = sharedContext.manager as SqlEntityManager
    const document = await findOrderSnapshotDocument(manager, orderId)
    if (!document) {
      return [] // canceled before the plugin recorded it: the customer heard nothing from us
    }
    const rejected = await this.listRiskReviews({ order_id: orderId, status: "rejected" }, { take: 1, select: ["id"] }, sharedContext)
    const kinds = enabled.filter((kind) => (kind === "erp" && tell.erp) || (kind === "mail" && !rejected.length))
    const inserted = await insertMissingSideEffectJobs(
      manager,
      kinds.map((kind) => ({
        order_id: orderId,
        order_display_id: (document.display_id as number | undefined) ?? null,
        kind,
        subject: ORDER_CANCELED_SUBJECT,
        held: false,
        max_attempts: this.options_.jobs[kind].attempts,
        event_id: eventId,
      }))
    )
    return inserted.map((row) => row.kind)
  }

  @InjectManager()
  protected async discardPendingSideEffects_(
    orderId: string,
    kinds: SideEffectKind[],
    note: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SideEffectKind[]> {
    return discardPendingSideEffectJobs(sharedContext.manager as SqlEntityManager, orderId, kinds, note)
  }

  @InjectManager()
  async findOrderCreditNotes(orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<CreditNoteRow[]> {
    return findCreditNoteRows(sharedContext.manager as SqlEntityManager, orderId)
  }

  @InjectManager()
  async findCreditNote(id: string, @MedusaContext() sharedContext: Context = {}): Promise<CreditNoteRow | null> {
    return findCreditNoteRow(sharedContext.manager as SqlEntityManager, id)
  }

  /** false when a file was recorded already (the caller deletes its own upload) */
  @InjectManager()
  async recordCreditNoteFile(
    id: string,
    file: { id: string; url: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return recordCreditNoteFile(sharedContext.manager as SqlEntityManager, id, file)
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

  /** False when the invoice already has a file (another run recorded first): nothing is changed. */
  @InjectManager()
  async recordIssuedInvoice(
    invoiceId: string,
    issued: { file: { id: string; url: string }; model: InvoiceModel },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return recordIssuedInvoiceRow(sharedContext.manager as SqlEntityManager, invoiceId, issued)
  }

  /**
   * An admin retry: back to `queued` with fresh attempts; the error history stays. All or
   * nothing: 409 when one of them left failed/discarded meanwhile (another admin, a discard).
   */
  @InjectTransactionManager()
  async resetSideEffectJobsForRetry(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const reset = await resetSideEffectJobsForRetry(sharedContext.transactionManager as SqlEntityManager, ids)
    const changed = ids.filter((id) => !reset.includes(id))
    if (changed.length) {
      const [row] = await this.listSideEffectJobs({ id: changed[0] }, {}, sharedContext)
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Side-effect job ${changed[0]}${row ? ` (${describeJob(row)}) is ${row.status}` : " was not found"}: ` +
          "it changed while being retried; only failed or discarded jobs can be retried"
      )
    }
  }

  /** Undoes a failed retry, row by row only where it is still `queued` (a worker's outcome wins). */
  @InjectManager()
  async restoreSideEffectJobsAfterRetry(
    rows: SideEffectJobBeforeRetry[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await restoreSideEffectJobsAfterRetry(sharedContext.manager as SqlEntityManager, rows)
  }

  /** An approved review: the order's held side-effect jobs go to `queued` and to BullMQ. */
  async releaseHeldSideEffects(orderId: string): Promise<SideEffectKind[]> {
    const held = await this.listSideEffectJobs({ order_id: orderId, subject: "", status: "held" })
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
  async requeueSideEffectJobs(jobs: { order_id: string; kind: SideEffectKind; subject?: string }[]): Promise<void> {
    await this.queues_.requeue(jobs, { replace: true })
  }

  /**
   * Gives up on a failure: kept for audit, out of BullMQ's failed set. The row is discarded only
   * if still failed, and stays locked until BullMQ removed the queue job: a worker holding it
   * (running, e.g. sending the mail) makes this a 409 and the row is left as it was.
   */
  @InjectTransactionManager()
  async discardSideEffectJob(
    id: string,
    note: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const discarded = await discardFailedSideEffectJob(sharedContext.transactionManager as SqlEntityManager, id, note)
    if (!discarded) {
      const [row] = await this.listSideEffectJobs({ id }, {}, sharedContext)
      if (!row) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Side-effect job ${id} was not found`)
      }
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Side-effect job ${row.id} (${describeJob(row)}) is ${row.status}: only failed jobs can be discarded`
      )
    }
    await this.queues_.removeUnlessRunning(discarded.order_id, [discarded.kind], {
      withChildren: false,
      subject: discarded.subject,
    })
  }

  /**
   * An admin's resend of the invoice mail: a new mail job (subject `resend-<n>`), not yet in
   * BullMQ. CONFLICT when the order has no issued invoice.
   */
  @InjectTransactionManager()
  async recordMailResend(orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<RecordedAction> {
    return recordMailResend(sharedContext.transactionManager as SqlEntityManager, this.options_, orderId)
  }

  /** An admin's resync with the ERP: new ERP jobs for the order document and each credit note, not yet in BullMQ. */
  @InjectTransactionManager()
  async recordErpResync(orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<RecordedAction> {
    return recordErpResync(sharedContext.transactionManager as SqlEntityManager, this.options_, orderId)
  }

  @InjectManager()
  async findResendRecipient(
    orderId: string,
    subject: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ to: string | null; erased: boolean } | null> {
    return findResendRecipient(sharedContext.manager as SqlEntityManager, orderId, subject)
  }

  /** Takes the reconcile lease (one instance at a time); null when another instance holds it. */
  async acquireReconcileLock(ttlMs: number): Promise<string | null> {
    return this.reconcileLock_.acquire(ttlMs)
  }

  /** Extends the lease for another `ttlMs`; false when this instance no longer holds it (stop sweeping). */
  async renewReconcileLock(token: string, ttlMs: number): Promise<boolean> {
    return this.reconcileLock_.renew(token, ttlMs)
  }

  async releaseReconcileLock(token: string): Promise<void> {
    await this.reconcileLock_.release(token)
  }

  /**
   * Side-effect jobs idle past the grace period whose queue job is gone are enqueued again; failed
   * ones synced. Walks every stuck job in pages of `batchSize` (past the ones whose queue job is
   * alive), renewing the lease before each page; stops when the lease is lost.
   */
  @InjectManager()
  async reconcileStuckSideEffects(
    { lease }: { lease?: ReconcileLease } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LostJobsOutcome> {
    const manager = sharedContext.manager as SqlEntityManager
    const { graceSeconds, batchSize } = this.options_.reconcile
    const olderThan = new Date(Date.now() - graceSeconds * 1000)
    const swept: LostJobsOutcome = { requeued: [], failed: [] }
    let cursor: StuckJobsCursor | null = null
    do {
      if (lease && !(await this.renewReconcileLock(lease.token, lease.ttl_ms))) {
        this.logger_.warn("[async-fulfilment] reconcile: the lease was lost mid-sweep; the next sweep goes on")
        break
      }
      const page = await findStuckSideEffectJobs(manager, olderThan, batchSize, cursor)
      const outcome = await requeueLostJobs(this.queues_, page.rows, (orderIds) =>
        findInQueueSideEffectJobs(manager, orderIds)
      )
      for (const { row, reason } of outcome.failed) {
        await this.markSideEffectFailed(
          row.order_id,
          row.kind,
          { attempt: 0, message: reason, stack_head: null, final: true },
          row.subject
        )
      }
      await this.transition_(outcome.requeued, "requeueLost", undefined)
      swept.requeued.push(...outcome.requeued)
      swept.failed.push(...outcome.failed)
      cursor = page.next
    } while (cursor)
    return swept
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
    { resumedAfterStall = false, subject = "" }: { resumedAfterStall?: boolean; subject?: string } = {}
  ): Promise<SideEffectStart> {
    if (resumedAfterStall) {
      return this.markSideEffectActiveAfterStall(orderId, kind, attempt, subject)
    }
    return startOf(await this.startSideEffectJob_(orderId, kind, attempt, subject))
  }

  @InjectManager()
  protected async startSideEffectJob_(
    orderId: string,
    kind: SideEffectKind,
    attempt: number,
    subject: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return startSideEffectJob(sharedContext.manager as SqlEntityManager, orderId, kind, attempt, subject)
  }

  /** The rare path: the history also says that another worker died holding this queue job. */
  protected async markSideEffectActiveAfterStall(
    orderId: string,
    kind: SideEffectKind,
    attempt: number,
    subject: string
  ): Promise<SideEffectStart> {
    const [job] = await this.listSideEffectJobs({ order_id: orderId, kind, subject }, { take: 1 })
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
    subject = "",
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await completeSideEffectJob(sharedContext.manager as SqlEntityManager, orderId, kind, result, subject)
    await this.wakeReaders_(orderId, kind, subject)
  }

  /** Records a failed attempt: back to `queued` while retries remain, `failed` after the last. */
  async markSideEffectFailed(
    orderId: string,
    kind: SideEffectKind,
    failure: AttemptFailure,
    subject = ""
  ): Promise<void> {
    const [job] = await this.listSideEffectJobs({ order_id: orderId, kind, subject }, { take: 1 })
    if (!job) {
      return
    }
    if (failure.final) {
      await this.transition_([job], "fail", { previous: job, failure })
      // the job is in the failed set for good now: someone has to hear of it
      await this.alerts_?.report(kind, { reason: "failed", order_id: orderId, message: failure.message })
    } else {
      const retryInMs = failure.retry_in_ms ?? retryDelayMs(failure.attempt, this.options_.jobs[kind])
      await this.transition_([job], "retryLater", { previous: job, failure, retryInMs })
    }
    if (failure.final) {
      await this.failDependents(orderId, kind, failure.message, subject)
      await this.wakeReaders_(orderId, kind, subject)
    }
  }

  /** The readers of this side effect (the ERP job of an invoice) run now instead of after their fallback delay. */
  protected async wakeReaders_(orderId: string, kind: SideEffectKind, subject: string): Promise<void> {
    for (const reader of readersOf(kind)) {
      const jobId = sideEffectJobId(reader.kind, orderId, subject)
      // a wake that fails costs only time: the reader runs after its delay all the same
      await this.queues_.promoteIfDelayed(reader.kind, jobId).catch(() => false)
    }
  }

  async markSideEffectWaiting(
    orderId: string,
    kind: SideEffectKind,
    { attempt, waitMs }: { attempt: number; waitMs: number },
    subject = ""
  ): Promise<void> {
    const [job] = await this.listSideEffectJobs({ order_id: orderId, kind, subject }, { take: 1 })
    if (job && canTransition("awaitDependency", job.status)) {
      await this.transition_([job], "awaitDependency", { attempt, waitMs })
    }
  }

  async findSideEffectState(orderId: string, kind: SideEffectKind, subject = ""): Promise<SideEffectState | null> {
    const [job] = await this.listSideEffectJobs(
      { order_id: orderId, kind, subject },
      { take: 1, select: ["status", "next_retry_at"] }
    )
    return job ? { status: job.status as SideEffectJobStatus, next_retry_at: job.next_retry_at ?? null } : null
  }

  /** BullMQ fails a waiting parent with its child (the mail with its invoice): Postgres says so too. */
  protected async failDependents(orderId: string, kind: SideEffectKind, error: string, subject: string): Promise<void> {
    for (const dependency of dependentsOf(kind)) {
      const [waiting] = await this.listSideEffectJobs({ order_id: orderId, kind: dependency.kind, subject }, { take: 1 })
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

  /**
   * A customer's erasure (GDPR art. 17): blanks the personal fields of their order snapshots, jobs
   * and reviews in one transaction; invoices stay as issued (tax law). CONFLICT, and nothing
   * changed, while a job of theirs may still read its order document (queued, active, held, failed).
   */
  @InjectManager()
  async eraseCustomerPersonalData(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ order_ids: string[] }> {
    return { order_ids: await this.eraseCustomerPersonalData_(customerId, sharedContext) }
  }

  @InjectTransactionManager()
  protected async eraseCustomerPersonalData_(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const orderIds = await lockCustomerOrders(manager, customerId)
    const unfinished = await lockUnfinishedJobs(manager, orderIds)
    if (unfinished.length) {
      const list = unfinished.map((job) => `${describeJob(job).replace(" of order ", " of ")} is ${job.status}`).join(", ")
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Customer ${customerId} cannot be erased yet: ${list}. Let them finish, or retry or discard the failed ones, then erase again`
      )
    }
    await eraseOrdersPersonalData(manager, orderIds, new Date())
    return orderIds
  }

  /** `retention.orderSnapshots`: blanks up to `limit` expired snapshots whose jobs are done; none when unset. */
  @InjectManager()
  async eraseExpiredOrderSnapshots(
    limit = 500,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ order_ids: string[] }> {
    const days = this.options_.retention.orderSnapshots
    if (days === undefined) {
      return { order_ids: [] }
    }
    return { order_ids: await this.eraseExpiredOrderSnapshots_(days, limit, sharedContext) }
  }

  @InjectTransactionManager()
  protected async eraseExpiredOrderSnapshots_(
    days: number,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const expired = await lockExpiredOrders(manager, days, limit)
    // checked again under the jobs' locks: an admin retry may have started one meanwhile
    const busy = new Set((await lockUnfinishedJobs(manager, expired)).map((job) => job.order_id))
    const orderIds = expired.filter((orderId) => !busy.has(orderId))
    await eraseOrdersPersonalData(manager, orderIds, new Date())
    return orderIds
  }
}
