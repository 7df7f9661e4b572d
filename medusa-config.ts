import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The development and test store: it loads this plugin from source (the module through
 * `modules`, the subscribers, workflows, jobs and routes as the project's own `src/`),
 * on the Redis event bus and the Redis workflow engine, as a production store would.
 */
const env = process.env
const redisUrl = env.REDIS_URL ?? "redis://127.0.0.1:6379"
/** Medusa's own BullMQ queues (events, workflows) get this prefix; each test run its own. */
const medusaRedisPrefix = env.MEDUSA_REDIS_PREFIX ?? "medusa"
/** Jobs a worker process runs at once per kind: ASYNC_FULFILMENT_<KIND>_CONCURRENCY, else ASYNC_FULFILMENT_CONCURRENCY. */
const concurrencyOf = (kind: "INVOICE" | "MAIL" | "ERP", fallback: number) =>
  Number(env[`ASYNC_FULFILMENT_${kind}_CONCURRENCY`] ?? env.ASYNC_FULFILMENT_CONCURRENCY ?? fallback)
const workerMode = (env.MEDUSA_WORKER_MODE ?? "shared") as "shared" | "worker" | "server"

export default defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL ?? "postgres://postgres@localhost:5432/medusa_async_fulfilment",
    redisUrl,
    workerMode,
    http: {
      storeCors: env.STORE_CORS ?? "http://localhost:8000",
      adminCors: env.ADMIN_CORS ?? "http://localhost:9000",
      authCors: env.AUTH_CORS ?? "http://localhost:8000,http://localhost:9000",
      jwtSecret: env.JWT_SECRET ?? "supersecret",
      cookieSecret: env.COOKIE_SECRET ?? "supersecret",
    },
  },
  admin: {
    disable: env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [
    // Medusa's RBAC (MEDUSA_FF_RBAC=true): its module is left out when the flag is not yet read as this file loads
    ...(env.MEDUSA_FF_RBAC === "true" ? [{ resolve: "@medusajs/medusa/rbac" }] : []),
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      options: {
        redisUrl,
        queueOptions: { prefix: `${medusaRedisPrefix}-events` },
        workerOptions: { prefix: `${medusaRedisPrefix}-events` },
      },
    },
    {
      resolve: "@medusajs/medusa/workflow-engine-redis",
      options: {
        redis: {
          redisUrl,
          queueOptions: { prefix: `${medusaRedisPrefix}-workflows` },
          workerOptions: { prefix: `${medusaRedisPrefix}-workflows` },
        },
      },
    },
    {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: {
              upload_dir: env.FILE_UPLOAD_DIR ?? "static",
              // invoices are stored private: without this they land in ./static whatever upload_dir says
              private_upload_dir: env.FILE_UPLOAD_DIR ?? "static",
              backend_url: `${env.MEDUSA_BACKEND_URL ?? "http://localhost:9000"}/static`,
            },
          },
        ],
      },
    },
    {
      resolve: "./src/modules/async-fulfilment",
      options: {
        // the plugin's queues may live on a Redis of their own (durable, noeviction)
        redisUrl: env.ASYNC_FULFILMENT_REDIS_URL ?? redisUrl,
        queuePrefix: env.ASYNC_FULFILMENT_QUEUE_PREFIX ?? "async-fulfilment",
        smtp: {
          host: env.SMTP_HOST ?? "127.0.0.1",
          port: Number(env.SMTP_PORT ?? 2525),
          secure: env.SMTP_SECURE === "true",
          auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? "" } : undefined,
          from: env.SMTP_FROM ?? "Demo Store <orders@demo-store.test>",
        },
        erp: {
          url: env.ERP_URL ?? "http://127.0.0.1:4010/orders",
          secret: env.ERP_SECRET ?? "development-only-erp-secret",
          timeoutMs: Number(env.ERP_TIMEOUT_MS ?? 10_000),
        },
        invoice: {
          numberPrefix: env.INVOICE_NUMBER_PREFIX ?? "INV-",
          seller: {
            name: env.INVOICE_SELLER_NAME ?? "Demo Store Sp. z o.o.",
            vatId: env.INVOICE_SELLER_VAT_ID ?? "PL5250000000",
            address: {
              line1: env.INVOICE_SELLER_ADDRESS_LINE1 ?? "ul. Prosta 1",
              city: env.INVOICE_SELLER_CITY ?? "Warszawa",
              postalCode: env.INVOICE_SELLER_POSTAL_CODE ?? "00-001",
              countryCode: env.INVOICE_SELLER_COUNTRY ?? "PL",
            },
            registration: env.INVOICE_SELLER_REGISTRATION ?? "KRS 0000123456, Sąd Rejonowy dla m.st. Warszawy",
            email: env.INVOICE_SELLER_EMAIL ?? "faktury@demo-store.test",
            phone: env.INVOICE_SELLER_PHONE ?? "+48 22 123 45 67",
            bankAccount: { iban: env.INVOICE_SELLER_IBAN ?? "PL61109010140000071219812874" },
          },
          // e.g. {"PL":"pl","DE":"de","FR":"fr"}: the invoice and mail language per billing country
          languages: env.INVOICE_LANGUAGES_BY_COUNTRY ? { byCountry: JSON.parse(env.INVOICE_LANGUAGES_BY_COUNTRY) } : undefined,
          einvoice: { attachXml: env.INVOICE_ATTACH_XML === "true" },
        },
        // e.g. {"pln":10000,"eur":2500}: B2B orders from these totals wait for an admin's review
        riskReview: env.ASYNC_FULFILMENT_RISK_THRESHOLDS
          ? { thresholds: JSON.parse(env.ASYNC_FULFILMENT_RISK_THRESHOLDS) }
          : undefined,
        // e.g. {"webhookUrl":"https://hooks.slack.com/…","mailTo":"ops@shop.example","oldestWaitingSeconds":600}
        alerts: env.ASYNC_FULFILMENT_ALERTS ? JSON.parse(env.ASYNC_FULFILMENT_ALERTS) : undefined,
        storefront: env.STOREFRONT_ORDER_URL ? { orderUrl: env.STOREFRONT_ORDER_URL } : undefined,
        // a Prometheus scraper's bearer token for GET /async-fulfilment/metrics (at least 32 characters)
        ...(env.ASYNC_FULFILMENT_METRICS_TOKEN ? { metrics: { token: env.ASYNC_FULFILMENT_METRICS_TOKEN } } : {}),
        scheduling: {
          mode: (env.ASYNC_FULFILMENT_SCHEDULING ?? "batched") as "batched" | "per-order",
          maxBatchSize: Number(env.ASYNC_FULFILMENT_SCHEDULE_BATCH_SIZE ?? 100),
        },
        reconcile: { graceSeconds: Number(env.ASYNC_FULFILMENT_RECONCILE_GRACE_SECONDS ?? 120) },
        workers: {
          lockDurationMs: Number(env.ASYNC_FULFILMENT_LOCK_MS ?? 30_000),
          stalledIntervalMs: Number(env.ASYNC_FULFILMENT_STALLED_INTERVAL_MS ?? 30_000),
        },
        jobs: {
          invoice: { attempts: Number(env.ASYNC_FULFILMENT_ATTEMPTS ?? 5), backoffMs: Number(env.ASYNC_FULFILMENT_BACKOFF_MS ?? 2_000), concurrency: concurrencyOf("INVOICE", 2) },
          mail: { attempts: Number(env.ASYNC_FULFILMENT_ATTEMPTS ?? 8), backoffMs: Number(env.ASYNC_FULFILMENT_BACKOFF_MS ?? 5_000), concurrency: concurrencyOf("MAIL", 5) },
          erp: { attempts: Number(env.ASYNC_FULFILMENT_ATTEMPTS ?? 10), backoffMs: Number(env.ASYNC_FULFILMENT_BACKOFF_MS ?? 5_000), concurrency: concurrencyOf("ERP", 5) },
        },
      },
    },
  ],
})
