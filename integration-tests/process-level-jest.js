/**
 * Jest config for a test folder that boots the store as child processes (browser, processes):
 * its own project, apart from the unit/module/HTTP tests chosen by `TEST_TYPE`.
 */
const path = require("path")

module.exports = function processLevelJestConfig(folder, testTimeout) {
  return {
    rootDir: path.resolve(__dirname, ".."),
    roots: [`<rootDir>/integration-tests/${folder}`],
    testMatch: [`**/integration-tests/${folder}/**/*.spec.[jt]s`],
    transform: {
      "^.+\\.[jt]sx?$": [
        "@swc/jest",
        { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
      ],
    },
    testEnvironment: "node",
    moduleFileExtensions: ["js", "ts", "json"],
    modulePathIgnorePatterns: ["<rootDir>/.medusa/"],
    testTimeout,
  }
}
