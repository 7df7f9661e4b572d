import { container } from "@medusajs/framework"
import type { IFileModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export interface StoredFile {
  id: string
  url: string
}

/** Where invoice PDFs live: the store's File module (local disk, S3, … as it is configured). */
export interface FileStore {
  save(filename: string, content: Buffer): Promise<StoredFile>
  read(fileId: string): Promise<Buffer>
  /** removes a file this process stored but could not record (it holds personal data) */
  delete(fileId: string): Promise<void>
}

/**
 * A module cannot resolve another module from its own container, and BullMQ workers have no
 * request or workflow scope to borrow one from. The workers therefore reach the File module
 * through the application's container, once the application has started.
 */
export function createMedusaFileStore(): FileStore {
  const fileModule = () => container.resolve<IFileModuleService>(Modules.FILE)
  return {
    async save(filename, content) {
      const file = await fileModule().createFiles({
        filename,
        mimeType: "application/pdf",
        content: content.toString("base64"),
        access: "private",
      })
      return { id: file.id, url: file.url }
    },
    async read(fileId) {
      return fileModule().getAsBuffer(fileId)
    },
    async delete(fileId) {
      await fileModule().deleteFiles(fileId)
    },
  }
}
