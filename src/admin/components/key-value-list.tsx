import { Text } from "@medusajs/ui"

const show = (value: unknown) =>
  value === null || value === undefined ? "–" : typeof value === "object" ? JSON.stringify(value) : String(value)

/** A small definition list: a payload, a result, the job's timestamps. */
export const KeyValueList = ({ entries }: { entries: [string, unknown][] }) => (
  <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
    {entries.map(([key, value]) => (
      <div key={key} className="contents">
        <Text as="span" size="xsmall" className="text-ui-fg-subtle">{key}</Text>
        <Text as="span" size="xsmall" className="break-all font-mono">{show(value)}</Text>
      </div>
    ))}
  </dl>
)
