import { Select } from "@medusajs/ui"
import type { RiskReviewStatus } from "../../api/admin/async-fulfilment/contract"
import { REVIEW_STATUS_LABEL, RISK_REVIEW_STATUSES } from "../lib/risk-review"

type Props = { value?: RiskReviewStatus; onChange: (value?: RiskReviewStatus) => void }

const ALL = "all" // Radix Select has no empty value

/** The status select above the reviews table. */
export const ReviewStatusFilter = ({ value, onChange }: Props) => (
  <div className="w-40">
    <Select
      size="small"
      value={value ?? ALL}
      onValueChange={(status) => onChange(status === ALL ? undefined : (status as RiskReviewStatus))}
    >
      <Select.Trigger aria-label="Status"><Select.Value /></Select.Trigger>
      <Select.Content>
        <Select.Item value={ALL}>All statuses</Select.Item>
        {RISK_REVIEW_STATUSES.map((status) => (
          <Select.Item key={status} value={status}>{REVIEW_STATUS_LABEL[status]}</Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)
