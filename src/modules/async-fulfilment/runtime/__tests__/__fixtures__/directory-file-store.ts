import { randomUUID } from "node:crypto"
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import type { FileStore } from "../../file-store"

export interface DirectoryFileStore extends FileStore {
  /** the files in storage now */
  list(): string[]
  remove(): void
}

/** A real file store on disk, as the File module's local provider keeps one: every save is a new file. */
export function createDirectoryFileStore(): DirectoryFileStore {
  const dir = mkdtempSync(path.join(tmpdir(), "af-files-"))
  return {
    async save(filename, content) {
      const id = `${randomUUID()}-${filename}`
      writeFileSync(path.join(dir, id), content)
      return { id, url: `file://${path.join(dir, id)}` }
    },
    async read(fileId) {
      return readFileSync(path.join(dir, fileId))
    },
    async delete(fileId) {
      unlinkSync(path.join(dir, fileId))
    },
    list: () => readdirSync(dir).sort(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
