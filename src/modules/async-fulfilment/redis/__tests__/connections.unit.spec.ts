import { connectOrExplain, openRedisConnections, redactRedisUrl, closeRedisConnections } from "../connections"

describe("redactRedisUrl", () => {
  it.each([
    ["redis://:s3cret@cache.internal:6379/2", "redis://:***@cache.internal:6379/2"],
    ["rediss://app:s3cret@cache.internal:6380", "rediss://app:***@cache.internal:6380"],
    ["redis://127.0.0.1:6379", "redis://127.0.0.1:6379"],
  ])("hides the password of %s", (url, expected) => {
    expect(redactRedisUrl(url)).toBe(expected)
  })
})

describe("connectOrExplain", () => {
  it("connects both clients to a reachable Redis", async () => {
    const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
    const connections = openRedisConnections(url)
    await connectOrExplain(connections, url)
    expect(await connections.producer.ping()).toBe("PONG")
    expect(connections.worker.options.maxRetriesPerRequest).toBeNull()
    await closeRedisConnections(connections)
  })

  it("fails with the option's name and the URL, password hidden, when Redis is unreachable", async () => {
    const url = "redis://:hunter2@127.0.0.1:1/0"
    const connections = openRedisConnections(url)
    const failure = connectOrExplain(connections, url, 1_000)
    await expect(failure).rejects.toThrow("cannot reach Redis at redis://:***@127.0.0.1:1/0 (option `redisUrl`)")
    await failure.catch((error: Error) => expect(error.message).not.toContain("hunter2"))
  })
})

describe("describeEvictionRisk", () => {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"

  it("warns about an evicting policy and stays quiet about noeviction, on a real Redis", async () => {
    const { describeEvictionRisk } = await import("../check-eviction-policy")
    const connections = openRedisConnections(url)
    await connectOrExplain(connections, url)
    const [, original] = (await connections.producer.config("GET", "maxmemory-policy")) as string[]
    try {
      await connections.producer.config("SET", "maxmemory-policy", "allkeys-lru")
      expect(await describeEvictionRisk(connections.producer)).toContain('maxmemory-policy is "allkeys-lru"')
      await connections.producer.config("SET", "maxmemory-policy", "noeviction")
      expect(await describeEvictionRisk(connections.producer)).toBeNull()
    } finally {
      await connections.producer.config("SET", "maxmemory-policy", original)
      await closeRedisConnections(connections)
    }
  })
})
