import { z } from "@medusajs/framework/zod"
import { invoiceOptionsSchema } from "./invoice-options"
import { SIDE_EFFECT_KINDS, SideEffectKind, withDependents } from "../types/side-effect"
import { DEFAULT_RETRY_SETTINGS } from "../retry-policy"
import { isLoopbackHost } from "./is-loopback-host"
import { metricsOptionsSchema } from "./metrics-options"
import { alertsOptionsSchema } from "./alerts-options"

// Each default is written once, on its field: `.prefault({})` runs an absent object through its
// schema, so the fields' own defaults fill it (zod's `.default()` would skip them).

const positiveInt = (max: number) => z.number().int().min(1).max(max)

const jobOptionsSchema = (kind: SideEffectKind, concurrency: number) =>
  z
    .object({
      /** tries in all, the first included (defaults: retry-policy.ts) */
      attempts: positiveInt(100).default(DEFAULT_RETRY_SETTINGS[kind].attempts),
      /** first retry delay; each next one doubles (BullMQ exponential backoff) */
      backoffMs: z.number().int().min(0).max(86_400_000).default(DEFAULT_RETRY_SETTINGS[kind].backoffMs),
      /** queue jobs of this kind one worker process runs at once */
      concurrency: positiveInt(500).default(concurrency),
    })
    .strict()
    .prefault({})

/** `count` is left unset when the store gives the object: a default count applies only to an absent one. */
const keepJobsSchema = (ageSeconds: number, count?: number) =>
  z
    .object({
      /** remove once older than this */
      ageSeconds: z.number().int().min(1).default(ageSeconds),
      /** and keep at most this many (unset: no count limit) */
      count: z.number().int().min(1).optional(),
    })
    .strict()
    .prefault(count === undefined ? {} : { count })

const redisUrlSchema = z
  .string()
  .refine((url) => /^rediss?:\/\/[^\s]+$/.test(url), "must be a redis:// or rediss:// URL")

const httpUrlSchema = z
  .string()
  .refine((url) => /^https?:\/\/[^\s]+$/.test(url), "must be an http:// or https:// URL")

/** http:// to a host that is not loopback; an unparsable URL is left to the url's own check. */
function isInsecureRemoteUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === "http:" && !isLoopbackHost(parsed.hostname)
  } catch {
    return false
  }
}

const riskReviewSchema = z
  .object({
    /** per currency (lower-case code → amount in its main unit, tax included): PLN 10000 */
    thresholds: z.record(
      z.string().regex(/^[a-z]{3}$/, "currency codes are three lower-case letters"),
      z.number().positive()
    ),
    /** what makes an order B2B; any one is enough */
    b2b: z
      .object({
        customerGroupIds: z.array(z.string().min(1)).optional(),
        /** a truthy value under this key in the order's or the customer's metadata */
        metadataKey: z.string().min(1).optional(),
        /** a company name on the billing address */
        companyName: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    /**
     * the side effects that wait for the decision; the others run at once. Holding a side
     * effect holds those that wait for it (the invoice holds the mail).
     */
    hold: z.array(z.enum(SIDE_EFFECT_KINDS)).min(1).default([...SIDE_EFFECT_KINDS]).transform(withDependents),
  })
  .strict()

export const asyncFulfilmentOptionsSchema = z
  .object({
    /** required unless `redisCluster` is set */
    redisUrl: redisUrlSchema.optional(),
    /**
     * Redis Cluster nodes; when set the queues live on the cluster (not on `redisUrl`) and
     * `queuePrefix` must hold a hash tag, e.g. `{async-fulfilment}`, so a flow's keys share a slot
     */
    redisCluster: z
      .object({ nodes: z.array(z.object({ host: z.string().min(1), port: z.number().int().min(1).max(65_535) }).strict()).min(1) })
      .strict()
      .optional(),
    /** extra ioredis options (TLS, Sentinel `sentinels` + `name`, timeouts), merged under ours */
    redisOptions: z.record(z.string(), z.unknown()).optional(),
    /** BullMQ key prefix: give each store (and each test run) its own */
    queuePrefix: z
      .string()
      .min(1)
      .regex(/^[^:\s]+$/, "must not contain colons or spaces")
      .default("async-fulfilment"),
    jobs: z
      .object({
        invoice: jobOptionsSchema("invoice", 2),
        mail: jobOptionsSchema("mail", 5),
        erp: jobOptionsSchema("erp", 5),
      })
      .strict()
      .prefault({}),
    /** BullMQ worker lock settings: how fast a crashed worker's queue job is taken over */
    workers: z
      .object({
        /** a queue job's lock lasts this long and is renewed at half of it while the job runs */
        lockDurationMs: z.number().int().min(1_000).default(30_000),
        /** how often workers look for queue jobs whose lock expired (their worker died) */
        stalledIntervalMs: z.number().int().min(1_000).default(30_000),
        /** stalls a queue job may have before it fails instead of running again */
        maxStalledCount: z.number().int().min(0).max(10).default(2),
      })
      .strict()
      .prefault({}),
    /** how `order.placed` events become side-effect jobs */
    scheduling: z
      .object({
        /**
         * `batched`: the orders whose events arrive while a batch is being scheduled are scheduled
         * together (one order query, one insert, one Redis round trip per batch); a lone order is
         * scheduled at once. `per-order`: one workflow run per event, as before 0.2.0
         */
        mode: z.enum(["batched", "per-order"]).default("batched"),
        /** at most this many orders per batch */
        maxBatchSize: positiveInt(1_000).default(100),
      })
      .strict()
      .prefault({}),
    /** the outbox sweep (a scheduled job) that finds the orders and queue jobs the pipeline lost */
    reconcile: z
      .object({
        /** how long a side-effect job may wait or run unchanged before it is checked against BullMQ */
        graceSeconds: z.number().int().min(1).default(120),
        /** how far back to look for placed orders that have no side-effect job */
        lookbackHours: z.number().int().min(1).max(24 * 90).default(24),
        batchSize: z.number().int().min(1).max(5_000).default(200),
      })
      .strict()
      .prefault({}),
    /** what BullMQ keeps in Redis; Postgres keeps every side-effect job regardless */
    retention: z
      .object({
        completed: keepJobsSchema(24 * 3600, 1_000),
        failed: keepJobsSchema(30 * 24 * 3600),
        /**
         * days after which an order's snapshot loses its personal fields (e-mail, names, addresses,
         * phones, metadata), once all its side effects are done; unset: kept. Invoices are kept as issued
         */
        orderSnapshots: z.number().int().min(1).max(36_500).optional(),
      })
      .strict()
      .prefault({}),
    smtp: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65_535),
        /** TLS from the first byte (port 465); otherwise STARTTLS when offered */
        secure: z.boolean().optional(),
        /**
         * refuse to send (and to log in) unless the connection is encrypted: without it a man in the
         * middle who strips STARTTLS reads the password and every invoice. Default: true, unless the
         * host is loopback (127.0.0.0/8, ::1, localhost); irrelevant with `secure`
         */
        requireTLS: z.boolean().optional(),
        auth: z.object({ user: z.string().min(1), pass: z.string().min(1) }).strict().optional(),
        /** sender, e.g. `"Shop <orders@shop.example>"` */
        from: z.string().min(3),
        pool: z.boolean().default(true),
      })
      .strict()
      /** without it, order mails are off (a warning at boot); invoices and ERP sync still run */
      .optional(),
    erp: z
      .object({
        url: httpUrlSchema,
        /** HMAC-SHA256 key for the request signature */
        secret: z.string().min(16, "must be at least 16 characters"),
        timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
        /** allow an `http://` url on a host that is not loopback (the order documents travel unencrypted) */
        allowInsecureHttp: z.boolean().default(false),
      })
      .strict()
      .superRefine((erp, ctx) => {
        if (!erp.allowInsecureHttp && isInsecureRemoteUrl(erp.url)) {
          ctx.addIssue({
            code: "custom",
            path: ["url"],
            message:
              "http:// sends the order documents unencrypted: use https://, a loopback host, or set erp.allowInsecureHttp: true",
          })
        }
      }),
    /** the invoice and its e-invoice forms: see invoice-options.ts */
    invoice: invoiceOptionsSchema,
    storefront: z
      .object({
        /**
         * the customer's order page, `{order_id}` replaced; the order mail links to it, and the
         * page fetches the PDF from `GET /store/orders/:id/invoice` with the customer's session
         */
        orderUrl: httpUrlSchema.refine((url) => url.includes("{order_id}"), "must contain {order_id}"),
      })
      .strict()
      .optional(),
    riskReview: riskReviewSchema.optional(),
    metrics: metricsOptionsSchema,
    alerts: alertsOptionsSchema,
  })
  .strict()
  .superRefine((options, ctx) => {
    if (!options.redisUrl && !options.redisCluster) {
      ctx.addIssue({ code: "custom", path: ["redisUrl"], message: "required (a redis:// URL), unless redisCluster is set" })
    }
    if (options.alerts?.mailTo && !options.smtp) {
      ctx.addIssue({ code: "custom", path: ["alerts", "mailTo"], message: "needs the `smtp` option: alert mails go through the plugin's SMTP" })
    }
    if (options.redisCluster && !/\{[^{}]+\}/.test(options.queuePrefix)) {
      ctx.addIssue({
        code: "custom",
        path: ["queuePrefix"],
        message: "on a Redis Cluster it must hold a hash tag, e.g. {async-fulfilment}, so a flow's keys share a slot",
      })
    }
  })

export type AsyncFulfilmentOptionsInput = z.input<typeof asyncFulfilmentOptionsSchema>
export type AsyncFulfilmentOptions = z.output<typeof asyncFulfilmentOptionsSchema>
export type SideEffectJobOptions = AsyncFulfilmentOptions["jobs"]["invoice"]
export type RetentionOptions = AsyncFulfilmentOptions["retention"]
export type RiskReviewOptions = NonNullable<AsyncFulfilmentOptions["riskReview"]>
