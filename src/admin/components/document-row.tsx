import { Badge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { formatAmount, formatDateTime } from "../lib/format"

type Props = {
  testId: string
  title: string
  number: string
  amount: { value: number; currency: string } | null
  issuedAt: string
  /** e.g. "Cancellation" or "Corrects INV-2026-000001" */
  detail?: string
  pending?: string | null
  children?: ReactNode
}

/** One issued document (the invoice, a credit note): its number, amount, date and downloads. */
export const DocumentRow = ({ testId, title, number, amount, issuedAt, detail, pending, children }: Props) => (
  <div className="flex flex-col gap-y-1 px-6 py-3" data-testid={testId}>
    <div className="flex items-center justify-between gap-x-2">
      <Text size="small" weight="plus" leading="compact">
        {title} {number}
      </Text>
      {amount && (
        <Text size="small" leading="compact">
          {formatAmount(amount.value, amount.currency)}
        </Text>
      )}
    </div>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {formatDateTime(issuedAt)}
      {detail ? ` · ${detail}` : ""}
    </Text>
    {pending ? <Badge size="2xsmall" color="orange">{pending}</Badge> : children}
  </div>
)
