import { Text } from "@medusajs/ui"
import { useOrderAudit } from "../hooks"
import { auditActionLabel, auditActorLabel, auditRecipient } from "../lib/audit"
import { formatDateTime } from "../lib/format"

/** Every admin action on the order, with who, when and the note. */
export const OrderAuditTrail = ({ orderId }: { orderId: string }) => {
  const { data, isLoading, isError, error } = useOrderAudit(orderId)
  const entries = data?.audit_entries ?? []
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-audit-trail">
      <Text size="small" weight="plus">Audit trail</Text>
      {isLoading && <Text size="xsmall" className="text-ui-fg-subtle">Loading…</Text>}
      {isError && <Text size="xsmall" className="text-ui-fg-error">{error.message}</Text>}
      {data && entries.length === 0 && <Text size="xsmall" className="text-ui-fg-subtle">No actions yet.</Text>}
      {entries.length > 0 && (
        <ul className="flex flex-col gap-y-2">
          {entries.map((entry) => {
            const recipient = auditRecipient(entry)
            return (
              <li key={entry.id} className="flex flex-col" data-testid={`audit-entry-${entry.action}`}>
                <Text size="xsmall" weight="plus">
                  {auditActionLabel(entry.action)}
                  {recipient ? ` to ${recipient}` : ""}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {formatDateTime(entry.created_at)} · {auditActorLabel(entry)}
                </Text>
                {entry.note && <Text size="xsmall" className="break-words">“{entry.note}”</Text>}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
