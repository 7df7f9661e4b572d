import { z } from "@medusajs/framework/zod"

/** Shorter tokens can be guessed; 32 characters of a random string is about 190 bits. */
export const MIN_METRICS_TOKEN_LENGTH = 32

/**
 * `metrics`: lets a Prometheus scraper read `GET /async-fulfilment/metrics` with
 * `Authorization: Bearer <token>`, a credential that reads the metrics and nothing else (the
 * admin route needs an admin's secret API key, which can do anything an admin can).
 */
export const metricsOptionsSchema = z
  .object({
    /** the scraper's bearer token: at least 32 characters, e.g. `openssl rand -hex 32` */
    token: z
      .string()
      .min(MIN_METRICS_TOKEN_LENGTH, `must be at least ${MIN_METRICS_TOKEN_LENGTH} characters`)
      .refine((token) => !/\s/.test(token), "must not contain spaces"),
  })
  .strict()
  /** without it `/async-fulfilment/metrics` answers 404 and only the admin route serves metrics */
  .optional()
