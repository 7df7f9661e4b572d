export * from "./post-to-admin-feed"
