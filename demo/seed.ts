import { writeFileSync } from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { seedStore } from "../dev-support/seed-store"

/** `medusa exec ./demo/seed.ts`: seeds the demo store and writes what a storefront needs. */
export default async function seedDemoStore({ container }: ExecArgs) {
  const fixture = await seedStore(container)
  writeFileSync(process.env.DEMO_FIXTURE_FILE ?? "demo/output/store.json", JSON.stringify(fixture, null, 2))
}
