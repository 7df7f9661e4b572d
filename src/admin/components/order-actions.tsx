import { Button } from "@medusajs/ui"
import { useState } from "react"
import { ORDER_ACTION_COPY, type OrderActionKind } from "../lib/order-actions"
import { OrderActionDrawer } from "./order-action-drawer"

/** "Resend mail" and "Send to ERP again"; each asks for its details in a drawer first. */
export const OrderActions = ({ orderId }: { orderId: string }) => {
  const [action, setAction] = useState<OrderActionKind | null>(null)
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 px-6 py-3" data-testid="order-actions">
      {(Object.keys(ORDER_ACTION_COPY) as OrderActionKind[]).map((kind) => (
        <Button key={kind} size="small" variant="secondary" onClick={() => setAction(kind)}>
          {ORDER_ACTION_COPY[kind].button}
        </Button>
      ))}
      <OrderActionDrawer orderId={orderId} action={action} onClose={() => setAction(null)} />
    </div>
  )
}
