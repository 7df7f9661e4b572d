export * from "./post-alert-to-admin-feed"
export * from "./steps"
