export * from "./trace-carrier"
export * from "./tracer"
export { traceSchedule } from "./schedule-span"
