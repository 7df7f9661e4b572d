/**
 * `npm run test:processes`: crash safety across real processes. Its own jest project, apart from
 * the unit/module/HTTP tests (`TEST_TYPE`): it boots the store as separate `medusa start`
 * processes (one MEDUSA_WORKER_MODE=server, workers MEDUSA_WORKER_MODE=worker) on their own
 * database and Redis prefixes, kills workers mid-burst and audits every side effect.
 */
const path = require("path")

module.exports = {
  rootDir: path.resolve(__dirname, "../.."),
  roots: ["<rootDir>/integration-tests/processes"],
  testMatch: ["**/integration-tests/processes/**/*.spec.[jt]s"],
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/"],
  // migrations, seed and four `medusa start` boots: about two to three minutes in all
  testTimeout: 300_000,
}
