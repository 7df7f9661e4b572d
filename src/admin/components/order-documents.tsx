import { Text } from "@medusajs/ui"
import type { AdminCreditNote, OrderInvoice } from "../../api/admin/async-fulfilment/contract"
import { DocumentLinks } from "./document-links"
import { DocumentRow } from "./document-row"

type Props = { invoice: OrderInvoice | null | undefined; creditNotes: AdminCreditNote[]; error?: Error | null }

const REASON_LABEL: Record<AdminCreditNote["reason"], string> = { cancellation: "Cancellation", refund: "Refund" }

const amountOf = (value: number | null, currency: string | null) =>
  value !== null && currency ? { value, currency } : null

/** The order's invoice and the credit notes correcting it, each with its downloads. */
export const OrderDocuments = ({ invoice, creditNotes, error }: Props) => {
  if (!invoice && !creditNotes.length && !error) return null
  return (
    <div className="flex flex-col py-1" data-testid="order-documents">
      <Text size="small" weight="plus" className="px-6 pt-3">Documents</Text>
      {invoice && (
        <DocumentRow
          testId="document-invoice"
          title="Invoice"
          number={invoice.number}
          amount={amountOf(invoice.gross_total, invoice.currency_code)}
          issuedAt={invoice.issued_at}
          pending={invoice.download_url ? null : "PDF not ready yet"}
        >
          <DocumentLinks number={invoice.number} pdf={invoice.download_url} cii={invoice.xml_download?.cii} ubl={invoice.xml_download?.ubl} />
        </DocumentRow>
      )}
      {creditNotes.map((note) => (
        <DocumentRow
          key={note.id}
          testId={`document-credit-note-${note.id}`}
          title="Credit note"
          number={note.number}
          amount={{ value: note.gross_total, currency: note.currency_code }}
          issuedAt={note.issued_at}
          detail={[REASON_LABEL[note.reason], note.invoice_number && `corrects ${note.invoice_number}`].filter(Boolean).join(" · ")}
          pending={note.file_ready ? null : "PDF not ready yet"}
        >
          <DocumentLinks number={note.number} pdf={note.download.pdf} cii={note.download.cii} ubl={note.download.ubl} />
        </DocumentRow>
      ))}
      {error && <Text size="xsmall" className="px-6 py-2 text-ui-fg-error">{error.message}</Text>}
    </div>
  )
}
