import type { InvoiceTableRow } from "../../content/invoice-content"
import { CONTENT_LEFT, CONTENT_WIDTH, layoutColumns, type TableColumn } from "../style-sheet"

export type ContentTableColumn = TableColumn<Exclude<keyof InvoiceTableRow, "kind">>

export const CONTENT_TABLE_COLUMNS: ContentTableColumn[] = layoutColumns(CONTENT_LEFT, CONTENT_WIDTH, 6, [
  { key: "description", align: "left" },
  { key: "quantity", width: 36, align: "right" },
  { key: "unitPrice", width: 72, align: "right" },
  { key: "taxRate", width: 52, align: "right" },
  { key: "taxAmount", width: 68, align: "right" },
  { key: "total", width: 78, align: "right" },
])
