/** Both ERP failure kinds in one import; each class lives in its own file. */
export { ErpRejectedError } from "./erp-rejected-error"
export { ErpRetryableError } from "./erp-retryable-error"
