import type { Logger } from "@medusajs/framework/types"
import type { InvoiceModel } from "../invoice/model"
import type { FileStore, StoredFile } from "./file-store"
import type { ProcessorDocuments } from "./processor-documents"

export interface RecordUploadInput {
  orderId: string
  invoiceId: string
  invoiceNumber: string
  file: StoredFile
  model: InvoiceModel
}

/**
 * Records the PDF this run uploaded, or deletes it: the invoice keeps exactly one file. When a
 * concurrent run recorded its file first, ours is deleted and theirs returned; when recording
 * fails, ours is deleted (unless the failure came after the write did commit) and the error
 * goes on, so the retry does not leave a second copy of the customer's invoice behind.
 */
export async function recordOwnUpload(
  { orderId, invoiceId, invoiceNumber, file, model }: RecordUploadInput,
  { documents, files, logger }: { documents: ProcessorDocuments; files: FileStore; logger: Logger }
): Promise<StoredFile> {
  const discardOurs = async () => {
    try {
      await files.delete(file.id)
    } catch (error) {
      logger.warn(
        `[async-fulfilment] could not delete the unrecorded upload ${file.id} of invoice ${invoiceNumber}: ${(error as Error).message}`
      )
    }
  }

  let recorded: boolean
  try {
    recorded = await documents.recordIssuedInvoice(invoiceId, { file, model })
  } catch (error) {
    const current = await documents.findInvoice(orderId).catch(() => undefined)
    // unknown (the database is gone too): keep the file rather than risk deleting a recorded one
    if (current !== undefined && current?.file_id !== file.id) {
      await discardOurs()
    }
    throw error
  }
  if (recorded) {
    return file
  }
  await discardOurs()
  const winner = await documents.findInvoice(orderId)
  if (!winner?.file_id || !winner.file_url) {
    throw new Error(`invoice ${invoiceNumber} of order ${orderId} has no file although another run recorded one`)
  }
  return { id: winner.file_id, url: winner.file_url }
}
