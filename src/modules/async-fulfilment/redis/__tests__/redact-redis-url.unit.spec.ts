import { redactRedisUrl } from "../redact-redis-url"

describe("redactRedisUrl", () => {
  it.each([
    ["redis://:s3cret@cache.internal:6379/2", "redis://:***@cache.internal:6379/2"],
    ["rediss://app:s3cret@cache.internal:6380", "rediss://app:***@cache.internal:6380"],
    ["redis://127.0.0.1:6379", "redis://127.0.0.1:6379"],
    ["redis://cache.internal:6379/0?db=1", "redis://cache.internal:6379/0?db=1"],
    // percent-encoded, as a URL should carry them
    ["redis://app:p%40ss%2Fw0rd@cache.internal:6379", "redis://app:***@cache.internal:6379"],
    // a lone user part, which Redis before ACLs reads as the password
    ["redis://s3cret@cache.internal:6379", "redis://***@cache.internal:6379"],
  ])("hides the password of %s", (url, expected) => {
    expect(redactRedisUrl(url)).toBe(expected)
  })

  it.each([
    ["an unencoded @", "redis://app:x7k@q9z@cache.internal:6379/2", "x7k@q9z"],
    ["several unencoded @", "redis://:a1a@b2b@c3c@cache.internal:6379", "a1a@b2b@c3c"],
    ["an unencoded /", "redis://app:x7k/q9z@cache.internal:6379/2", "x7k/q9z"],
    ["an unencoded / that looks like a port and a path", "redis://app:1/q9z@cache.internal:6379", "1/q9z"],
    ["an unencoded / and @", "rediss://:x7k/y8y@q9z@cache.internal:6380/0", "x7k/y8y@q9z"],
    ["an unencoded ?", "redis://app:x7k?q9z@cache.internal:6379", "x7k?q9z"],
    ["an unencoded #", "redis://app:x7k#q9z@cache.internal:6379", "x7k#q9z"],
    ["?password=", "redis://cache.internal:6379/0?password=s3cret", "s3cret"],
    ["?password= with @ and /", "redis://cache.internal:6379/0?password=x7k@q9z/w0rd&db=2", "x7k@q9z/w0rd"],
    ["?password= and a user part", "redis://app:one@cache.internal:6379?password=two", "one"],
    ["?pass= and &auth=", "redis://cache.internal:6379?db=1&auth=s3cret", "s3cret"],
  ])("hides a password with %s", (_case, url, secret) => {
    const redacted = redactRedisUrl(url)
    expect(redacted).not.toContain(secret)
    // the fragments too: a partly shown password is a shown password
    for (const fragment of secret.split(/[@/?#]/).filter((part) => part.length >= 3)) {
      expect(redacted).not.toContain(fragment)
    }
    expect(redacted).toContain("cache.internal")
    expect(redacted).toContain("***")
  })

  it("hides the second secret of a URL that has two", () => {
    expect(redactRedisUrl("redis://app:one@cache.internal:6379?password=two")).not.toContain("two")
  })
})
