export * from "./trace-carrier"
export * from "./tracer"
export { startScheduleSpan, traceSchedule, traceScheduleBatch, type PendingScheduleSpan } from "./schedule-span"
