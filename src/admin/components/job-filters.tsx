import { Input, Select } from "@medusajs/ui"
import type { JobKind, JobStatus } from "../../api/admin/async-fulfilment/contract"
import { JOB_KINDS, JOB_STATUSES, KIND_LABEL, STATUS_LABEL } from "../lib/job-status"

export interface JobFilterValues {
  kind?: JobKind
  status?: JobStatus
  order_id: string
}

type Props = { value: JobFilterValues; onChange: (value: JobFilterValues) => void }

const ALL = "all" // Radix Select has no empty value

/** Kind and status selects and an order id box above the jobs table. */
export const JobFilters = ({ value, onChange }: Props) => (
  <div className="flex flex-wrap items-center gap-2">
    <div className="w-36">
      <Select
        size="small"
        value={value.kind ?? ALL}
        onValueChange={(kind) => onChange({ ...value, kind: kind === ALL ? undefined : (kind as JobKind) })}
      >
        <Select.Trigger aria-label="Kind"><Select.Value /></Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL}>All kinds</Select.Item>
          {JOB_KINDS.map((kind) => <Select.Item key={kind} value={kind}>{KIND_LABEL[kind]}</Select.Item>)}
        </Select.Content>
      </Select>
    </div>
    <div className="w-36">
      <Select
        size="small"
        value={value.status ?? ALL}
        onValueChange={(status) => onChange({ ...value, status: status === ALL ? undefined : (status as JobStatus) })}
      >
        <Select.Trigger aria-label="Status"><Select.Value /></Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL}>All statuses</Select.Item>
          {JOB_STATUSES.map((status) => <Select.Item key={status} value={status}>{STATUS_LABEL[status]}</Select.Item>)}
        </Select.Content>
      </Select>
    </div>
    <Input
      size="small"
      type="search"
      className="w-64"
      placeholder="Order id (order_…)"
      aria-label="Order id"
      value={value.order_id}
      onChange={(event) => onChange({ ...value, order_id: event.target.value })}
    />
  </div>
)
