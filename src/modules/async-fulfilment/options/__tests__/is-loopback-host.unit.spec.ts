import { isLoopbackHost } from "../is-loopback-host"

describe("isLoopbackHost", () => {
  it.each(["localhost", "LOCALHOST", "erp.localhost", "127.0.0.1", "127.8.9.10", "::1", "[::1]", "::ffff:127.0.0.1"])(
    "%s is loopback",
    (host) => expect(isLoopbackHost(host)).toBe(true)
  )

  it.each(["smtp.example.com", "localhost.example.com", "10.0.0.1", "192.0.2.2", "128.0.0.1", "[fd00::2]", "0.0.0.0", ""])(
    "%s is not",
    (host) => expect(isLoopbackHost(host)).toBe(false)
  )
})
