import { renderIssuedInvoicePdf } from "../../invoice/issue-invoice"
import type { SideEffectPayload } from "../../queues/payload"
import type { ProcessorRuntime } from "../../runtime/processor-runtime"
import type { StoredFile } from "../../runtime/file-store"
import { loadCreditNote } from "./load-credit-note"

/** "credit-note-CN-2026-000001.pdf" in the File module */
export const creditNoteFileName = (number: string) => `credit-note-${number.replace(/[^A-Za-z0-9._-]/g, "-")}.pdf`

export interface CreditNotePdfJobResult {
  credit_note_number: string
  file_id: string
  file_url: string
}

/**
 * Renders the credit note's Factur-X PDF from the model it was issued with and stores it through
 * the File module. The credit note keeps one file: a run that loses to a concurrent one (or
 * cannot record its file) deletes its own upload.
 */
export async function processCreditNotePdfJob(
  payload: SideEffectPayload,
  { documents, options, files, logger }: ProcessorRuntime
): Promise<CreditNotePdfJobResult> {
  const creditNote = await loadCreditNote(payload, documents)
  const result = (file: { id: string; url: string }) => ({ credit_note_number: creditNote.number, file_id: file.id, file_url: file.url })
  if (creditNote.file_id && creditNote.file_url) {
    return result({ id: creditNote.file_id, url: creditNote.file_url })
  }
  const pdf = await renderIssuedInvoicePdf(creditNote.model, options.invoice)
  const uploaded: StoredFile = await files.save(creditNoteFileName(creditNote.number), pdf)
  const discardOurs = () =>
    files.delete(uploaded.id).catch((error: Error) =>
      logger.warn(`[async-fulfilment] could not delete the unrecorded upload ${uploaded.id} of credit note ${creditNote.number}: ${error.message}`)
    )

  let recorded: boolean
  try {
    recorded = await documents.recordCreditNoteFile(creditNote.id, uploaded)
  } catch (error) {
    const current = await documents.findCreditNote(creditNote.id).catch(() => undefined)
    // unknown (the database is gone too): keep the file rather than risk deleting a recorded one
    if (current !== undefined && current?.file_id !== uploaded.id) {
      await discardOurs()
    }
    throw error
  }
  if (recorded) {
    return result(uploaded)
  }
  await discardOurs()
  const winner = await documents.findCreditNote(creditNote.id)
  if (!winner?.file_id || !winner.file_url) {
    throw new Error(`credit note ${creditNote.number} has no file although another run recorded one`)
  }
  return result({ id: winner.file_id, url: winner.file_url })
}
