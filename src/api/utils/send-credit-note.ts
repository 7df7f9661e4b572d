import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { Readable } from "stream"
import type { InvoiceModel } from "../../modules/async-fulfilment/invoice/model"
import { type InvoiceFormat, isEInvoice, renderInvoiceXml } from "../../modules/async-fulfilment/invoice/issue-invoice"
import { creditNoteFileName } from "../../modules/async-fulfilment/processors/credit-note/invoice"
import { keepConflictMessage } from "../admin/async-fulfilment/helpers/keep-conflict-message"
import type { DownloadFormatParamsType } from "./download-format-params"
import { openDownload, sendDownload } from "./stream-download"

export interface StoredCreditNote {
  id: string
  order_id: string
  number: string
  file_id: string | null
  model: InvoiceModel
}

/** One credit note as stored; null when there is none with this id. */
export async function readCreditNote(req: MedusaRequest, id: string): Promise<StoredCreditNote | null> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "credit_note",
    fields: ["id", "order_id", "number", "file_id", "model"],
    filters: { id },
  })
  return (data[0] as StoredCreditNote | undefined) ?? null
}

export const creditNoteNotFound = (id: string) =>
  new MedusaError(MedusaError.Types.NOT_FOUND, `Credit note with id: ${id} was not found`)

/** credit-note-CN-2026-000001.pdf (the mail attachment's name), …-cii.xml, …-ubl.xml */
function downloadName(number: string, format: InvoiceFormat): string {
  const pdf = creditNoteFileName(number)
  return format === "pdf" ? pdf : pdf.replace(/\.pdf$/, `-${format}.xml`)
}

function setDownloadHeaders(res: MedusaResponse, type: string, disposition: string, fileName: string) {
  res.setHeader("content-type", type)
  res.setHeader("content-disposition", `${disposition}; filename="${fileName}"`)
  res.setHeader("cache-control", "private, no-store")
}

/** The stored Factur-X PDF; 409 while the credit-note job has not rendered it yet. */
async function streamCreditNotePdf(req: MedusaRequest, res: MedusaResponse, creditNote: StoredCreditNote, disposition: string) {
  const stream = await keepConflictMessage(async () => {
    if (!creditNote.file_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `The PDF of credit note ${creditNote.number} is not ready yet; try again in a moment`
      )
    }
    const files = req.scope.resolve(Modules.FILE)
    return openDownload(
      async () => (await files.getDownloadStream(creditNote.file_id!)) as Readable,
      `the PDF of credit note ${creditNote.number}`
    )
  })
  setDownloadHeaders(res, "application/pdf", disposition, downloadName(creditNote.number, "pdf"))
  await sendDownload(stream, res)
}

/** CII or UBL (a CreditNote document), rendered from the stored model: the bytes the PDF embeds. */
async function sendCreditNoteXml(res: MedusaResponse, creditNote: StoredCreditNote, format: "cii" | "ubl") {
  const xml = await keepConflictMessage(async () => {
    if (!isEInvoice(creditNote.model)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Credit note ${creditNote.number} was issued with einvoice.profile "none": it has a PDF only`
      )
    }
    return renderInvoiceXml(creditNote.model, format)
  })
  setDownloadHeaders(res, "application/xml; charset=utf-8", "attachment", downloadName(creditNote.number, format))
  res.status(200).send(xml)
}

/** Answers a credit note in the validated `?format` (see DownloadFormatParams). */
export async function sendCreditNote(
  req: MedusaRequest,
  res: MedusaResponse,
  creditNote: StoredCreditNote,
  disposition: "inline" | "attachment"
): Promise<void> {
  const { format } = req.validatedQuery as DownloadFormatParamsType
  if (format === "pdf") {
    await streamCreditNotePdf(req, res, creditNote, disposition)
  } else {
    await sendCreditNoteXml(res, creditNote, format)
  }
}
