import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * A brand-new store with the packed plugin installed, configured as README's "Install in a
 * Medusa store" shows. Its Redis keys get their own prefixes: MEDUSA_REDIS_PREFIX for Medusa's
 * event bus and workflow engine, ASYNC_FULFILMENT_QUEUE_PREFIX for the plugin's queues.
 */
const medusaRedisPrefix = process.env.MEDUSA_REDIS_PREFIX ?? "medusa"

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    workerMode: process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server",
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000",
      authCors: process.env.AUTH_CORS ?? "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET ?? "supersecret",
      cookieSecret: process.env.COOKIE_SECRET ?? "supersecret",
    },
  },
  admin: {
    disable: true,
  },
  modules: [
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      options: {
        redisUrl: process.env.REDIS_URL,
        queueOptions: { prefix: `${medusaRedisPrefix}-events` },
        workerOptions: { prefix: `${medusaRedisPrefix}-events` },
      },
    },
    {
      resolve: "@medusajs/medusa/workflow-engine-redis",
      options: {
        redis: {
          redisUrl: process.env.REDIS_URL,
          queueOptions: { prefix: `${medusaRedisPrefix}-workflows` },
          workerOptions: { prefix: `${medusaRedisPrefix}-workflows` },
        },
      },
    },
  ],
  plugins: [
    {
      resolve: "medusa-plugin-async-fulfilment",
      options: {
        redisUrl: process.env.REDIS_URL,
        queuePrefix: process.env.ASYNC_FULFILMENT_QUEUE_PREFIX ?? "async-fulfilment",
        jobs: {
          invoice: { attempts: 5, backoffMs: 2000, concurrency: 2 },
          mail: { attempts: 8, backoffMs: 5000, concurrency: 5 },
          erp: { attempts: 10, backoffMs: 5000, concurrency: 5 },
        },
        smtp: {
          host: process.env.SMTP_HOST,
          port: Number(process.env.SMTP_PORT),
          secure: process.env.SMTP_SECURE === "true",
          auth: process.env.SMTP_USER
            ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS ?? "" }
            : undefined,
          from: "My Shop <orders@my-shop.example>",
        },
        erp: {
          url: process.env.ERP_URL,
          secret: process.env.ERP_SECRET,
          timeoutMs: 10000,
        },
        invoice: {
          numberPrefix: "INV-",
          seller: {
            name: "My Shop Sp. z o.o.",
            vatId: "PL5250000000",
            address: { line1: "ul. Prosta 1", postalCode: "00-001", city: "Warszawa", countryCode: "PL" },
            registration: "KRS 0000123456, Sąd Rejonowy dla m.st. Warszawy",
            email: "invoices@my-shop.example",
            phone: "+48 22 123 45 67",
            bankAccount: { iban: "PL61 1090 1014 0000 0712 1981 2874" },
          },
          languages: { default: "en", byCountry: { PL: "pl", DE: "de" } },
          einvoice: { profile: "en16931", attachXml: true },
        },
      },
    },
  ],
})
