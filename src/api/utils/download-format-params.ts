import { z } from "@medusajs/framework/zod"
import { INVOICE_FORMATS } from "../../modules/async-fulfilment/invoice/issue-invoice"

/** `?format=pdf|cii|ubl` of a document download, pdf when left out. */
export const DownloadFormatParams = z.object({ format: z.enum(INVOICE_FORMATS).default("pdf") })
export type DownloadFormatParamsType = z.infer<typeof DownloadFormatParams>
