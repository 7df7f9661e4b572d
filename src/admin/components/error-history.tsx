import { Badge, Text } from "@medusajs/ui"
import { formatDateTime } from "../lib/format"
import type { JobAttemptError } from "../../api/admin/async-fulfilment/contract"

/** Every failed attempt, newest first, with the head of its stack. */
export const ErrorHistory = ({ errors }: { errors: JobAttemptError[] }) => {
  if (errors.length === 0) {
    return <Text size="small" className="text-ui-fg-subtle">No failed attempts.</Text>
  }
  return (
    <ol className="flex flex-col gap-y-3">
      {[...errors].reverse().map((error) => (
        <li key={`${error.attempt}-${error.at}`} className="rounded-md border border-ui-border-base p-3">
          <div className="flex items-center gap-x-2">
            <Text size="xsmall" weight="plus">Attempt {error.attempt}</Text>
            <Text size="xsmall" className="text-ui-fg-subtle">{formatDateTime(error.at)}</Text>
            {error.final && <Badge size="2xsmall" color="red">final</Badge>}
          </div>
          <Text size="small" className="mt-1 break-words">{error.message}</Text>
          {error.stack_head && (
            <pre className="mt-2 overflow-x-auto whitespace-pre-wrap text-xs text-ui-fg-subtle">{error.stack_head}</pre>
          )}
        </li>
      ))}
    </ol>
  )
}
