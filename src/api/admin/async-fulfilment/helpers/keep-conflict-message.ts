import { MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa's error handler answers every CONFLICT with a generic idempotency-key message. An
 * admin retrying a completed job needs to read why instead: the same 409, with our message
 * (an http-errors shaped error keeps its message).
 */
export async function keepConflictMessage<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch (error) {
    if ((error as MedusaError)?.type === MedusaError.Types.CONFLICT) {
      throw Object.assign(new Error((error as Error).message), { status: 409, statusCode: 409, expose: true })
    }
    throw error
  }
}
