import { Table, Text } from "@medusajs/ui"

type Props = {
  count: number
  pageSize: number
  pageIndex: number
  onPageChange: (pageIndex: number) => void
  /** shown instead of rows when the page is empty */
  emptyText: string | null
}

/** The empty-state line and the pager under a list table (jobs, reviews). */
export const TableFooter = ({ count, pageSize, pageIndex, onPageChange, emptyText }: Props) => {
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <>
      {emptyText && <Text size="small" className="px-6 py-8 text-center text-ui-fg-subtle">{emptyText}</Text>}
      <Table.Pagination
        count={count}
        pageSize={pageSize}
        pageIndex={pageIndex}
        pageCount={pageCount}
        canPreviousPage={pageIndex > 0}
        canNextPage={pageIndex + 1 < pageCount}
        previousPage={() => onPageChange(pageIndex - 1)}
        nextPage={() => onPageChange(pageIndex + 1)}
      />
    </>
  )
}
