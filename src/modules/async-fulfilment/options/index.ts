export * from "./schema"
export * from "./parse-options"
export * from "./enabled-kinds"
