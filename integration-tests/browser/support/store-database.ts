import { Client } from "pg"

/** Creates the run's own database; refuses to touch one that already exists. */
export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`))
}

/** Drops the database this run created (and only that one: callers pass the name they created). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}

async function withClient(serverUrl: string, run: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: `${serverUrl}/postgres` })
  await client.connect()
  try {
    await run(client)
  } finally {
    await client.end()
  }
}
