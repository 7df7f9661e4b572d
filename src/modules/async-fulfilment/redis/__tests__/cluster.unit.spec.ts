import { execFileSync, spawn, ChildProcess } from "child_process"
import { mkdtempSync, rmSync } from "fs"
import os from "os"
import path from "path"
import { Job, Worker } from "bullmq"
import { parseAsyncFulfilmentOptions } from "../../options"
import { QUEUE_NAMES, sideEffectJobId } from "../../queues/names"
import { SideEffectQueues } from "../../queues/side-effect-queues"
import { closeRedisConnections, connectOrExplain, openRedisConnections } from "../connections"
import { TEST_SELLER } from "../../options/__tests__/__fixtures__/test-seller"

// A real three-node Redis Cluster on ports of its own, made for this test and torn down after.
const basePort = 37_100 + (process.pid % 500) * 3
const ports = [basePort, basePort + 1, basePort + 2]
const nodes = ports.map((port) => ({ host: "127.0.0.1", port }))
const base = {
  erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
  invoice: { seller: TEST_SELLER },
}

describe("on a Redis Cluster", () => {
  let dir: string
  const servers: ChildProcess[] = []

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "af-cluster-"))
    for (const port of ports) {
      servers.push(
        spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
          "--cluster-config-file", `nodes-${port}.conf`, "--save", "", "--appendonly", "no", "--dir", dir], { stdio: "ignore" })
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
    execFileSync("redis-cli", ["--cluster", "create", ...ports.map((port) => `127.0.0.1:${port}`), "--cluster-replicas", "0", "--cluster-yes"], { stdio: "ignore" })
    for (let i = 0; i < 50 && !execFileSync("redis-cli", ["-p", String(ports[0]), "cluster", "info"]).toString().includes("cluster_state:ok"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }, 30_000)

  afterAll(() => {
    servers.forEach((server) => server.kill("SIGKILL"))
    rmSync(dir, { recursive: true, force: true })
  })

  it("refuses a queue prefix without a hash tag, naming the option", () => {
    expect(() => parseAsyncFulfilmentOptions({ ...base, redisCluster: { nodes } })).toThrow("`queuePrefix`: on a Redis Cluster it must hold a hash tag")
  })

  it("runs an order's flow (mail waiting for its invoice, the ERP job woken by it) across the cluster", async () => {
    const options = parseAsyncFulfilmentOptions({ ...base, redisCluster: { nodes }, queuePrefix: "{af-cluster-test}" })
    const connections = openRedisConnections("", {}, nodes)
    await connectOrExplain(connections, "cluster", 5_000, "redisCluster")
    const queues = new SideEffectQueues(connections.producer, options)
    const done: string[] = []
    const workers = (["invoice", "mail", "erp"] as const).map(
      (kind) =>
        new Worker(QUEUE_NAMES[kind], async (job: Job) => {
          done.push(job.id!)
          // as the module does once the invoice is issued: the ERP job waits delayed for this wake
          if (kind === "invoice") expect(await queues.promoteIfDelayed("erp", sideEffectJobId("erp", "order_c1"))).toBe(true)
        }, {
          connection: connections.worker,
          prefix: options.queuePrefix,
        })
    )
    try {
      await queues.enqueue({ order_id: "order_c1", event_id: null, kinds: ["invoice", "mail", "erp"] })
      for (let i = 0; i < 100 && done.length < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect([...done].sort()).toEqual(["erp-order_c1", "invoice-order_c1", "mail-order_c1"])
      expect(done.indexOf("mail-order_c1")).toBeGreaterThan(done.indexOf("invoice-order_c1"))
      expect(done.indexOf("erp-order_c1")).toBeGreaterThan(done.indexOf("invoice-order_c1"))
    } finally {
      await Promise.all(workers.map((worker) => worker.close()))
      await queues.close()
      await closeRedisConnections(connections)
    }
  }, 30_000)
})
