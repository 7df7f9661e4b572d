/**
 * `npm run test:browser`: the admin UI in a real browser against a real store: it boots the store
 * as a child process (admin enabled) and drives Debian's chromium with playwright-core.
 */
// booting a store with the admin's Vite dev server and a browser takes a minute or two
module.exports = require("../process-level-jest")("browser", 600_000)
