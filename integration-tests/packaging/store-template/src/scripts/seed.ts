import type { ExecArgs } from "@medusajs/framework/types"
import { writeFileSync } from "fs"
// copied next to this file from the plugin repository's integration-tests/fixtures at test time
import { seedStore } from "./seed-store"

/** `npx medusa exec ./src/scripts/seed.ts`: what an order needs; the ids go to STORE_FIXTURE_FILE. */
export default async function seed({ container }: ExecArgs) {
  const fixture = await seedStore(container)
  writeFileSync(process.env.STORE_FIXTURE_FILE as string, JSON.stringify(fixture, null, 2))
}
