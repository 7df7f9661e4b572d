// Drops the databases a test run created under a name prefix (moduleIntegrationTestRunner leaves
// its database behind). Usage: node scripts/drop-test-databases.js <prefix>
const { Client } = require("pg")

async function main(prefix) {
  if (!prefix || prefix.length < 8) {
    throw new Error("give the run's database name prefix (at least 8 characters)")
  }
  const client = new Client({
    host: process.env.DB_HOST ?? "localhost",
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USERNAME ?? "postgres",
    password: process.env.DB_PASSWORD ?? "postgres",
    database: "postgres",
  })
  await client.connect()
  try {
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix])
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}" WITH (FORCE)`)
    }
  } finally {
    await client.end()
  }
}

main(process.argv[2]).catch((error) => {
  console.error(`drop-test-databases: ${error.message}`)
  process.exit(1)
})
