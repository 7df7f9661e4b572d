import { Job, type Queue } from "bullmq"

/**
 * Moves a delayed queue job to the wait list now, in one round trip: BullMQ's promote script
 * needs only the job's id, so the job is not read first. False when there was nothing to promote
 * (the job is not delayed any more, or gone): BullMQ's script refuses it.
 */
export async function promoteDelayedJob(queue: Queue, jobId: string): Promise<boolean> {
  try {
    await new Job(queue, "promote", {}, {}, jobId).promote()
    return true
  } catch {
    return false
  }
}
