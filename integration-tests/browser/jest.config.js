/**
 * `npm run test:browser`: the admin UI in a real browser against a real store. Its own jest
 * project, apart from the unit/module/HTTP tests (`TEST_TYPE`): it boots the store as a child
 * process (admin enabled) and drives Debian's chromium with playwright-core.
 */
const path = require("path")

module.exports = {
  rootDir: path.resolve(__dirname, "../.."),
  roots: ["<rootDir>/integration-tests/browser"],
  testMatch: ["**/integration-tests/browser/**/*.spec.[jt]s"],
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/"],
  // booting a store with the admin's Vite dev server and a browser takes a minute or two
  testTimeout: 600_000,
}
