import { mkdtempSync, rmSync } from "fs"
import os from "os"
import path from "path"
import { freePort } from "../../dev-support/free-port"

export { freePort }

export interface TestEnv {
  smtpPort: number
  erpPort: number
  erpSecret: string
  queuePrefix: string
  uploadDir: string
}

/**
 * Gives this spec file its own Redis key prefixes (ours and Medusa's event bus and workflow
 * engine), SMTP and ERP ports and upload folder, so parallel runs never see each other.
 * The database is already per run: the test runner names it after a fresh ULID.
 */
export function prepareTestEnv(name: string): TestEnv {
  const run = `${name}-${process.pid}-${Date.now().toString(36)}`
  const env: TestEnv = {
    smtpPort: freePort(),
    erpPort: freePort(),
    erpSecret: "integration-test-erp-secret",
    queuePrefix: `aft-${run}`,
    uploadDir: mkdtempSync(path.join(os.tmpdir(), "af-uploads-")),
  }
  Object.assign(process.env, {
    DB_HOST: process.env.DB_HOST ?? "localhost",
    DB_USERNAME: process.env.DB_USERNAME ?? "postgres",
    DB_PASSWORD: process.env.DB_PASSWORD ?? "postgres",
    MEDUSA_ADMIN_DISABLED: "true",
    MEDUSA_REDIS_PREFIX: `mt-${run}`,
    ASYNC_FULFILMENT_QUEUE_PREFIX: env.queuePrefix,
    ASYNC_FULFILMENT_BACKOFF_MS: "100",
    ASYNC_FULFILMENT_ATTEMPTS: "3",
    ASYNC_FULFILMENT_RECONCILE_GRACE_SECONDS: "1",
    STOREFRONT_ORDER_URL: "https://shop.example/account/orders/{order_id}",
    // the sweep is run by the tests themselves; the schedule must not race them
    ASYNC_FULFILMENT_RECONCILE_CRON: "0 0 1 1 *",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(env.smtpPort),
    ERP_URL: `http://127.0.0.1:${env.erpPort}/orders`,
    ERP_SECRET: env.erpSecret,
    ERP_TIMEOUT_MS: "2000",
    FILE_UPLOAD_DIR: env.uploadDir,
  })
  // a top-level hook: it runs after the test runner has shut the app down
  afterAll(() => rmSync(env.uploadDir, { recursive: true, force: true }))
  return env
}
