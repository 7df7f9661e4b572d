import type { Logger } from "@medusajs/framework/types"
import type { Transporter } from "nodemailer"
import type { AsyncFulfilmentOptions } from "../options"
import type { ErpClient } from "../erp"
import type { FileStore } from "./file-store"
import type { ProcessorDocuments } from "./processor-documents"

/** Everything a processor may use; built once when the workers start. */
export interface ProcessorRuntime {
  documents: ProcessorDocuments
  options: AsyncFulfilmentOptions
  files: FileStore
  /** null when no `smtp` option is set: the mail kind is then off */
  mailer: Transporter | null
  erp: ErpClient
  logger: Logger
}
