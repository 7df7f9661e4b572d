import { Button, Drawer, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useResendMail, useResyncErp } from "../hooks"
import { looksLikeEmail, ORDER_ACTION_COPY, type OrderActionKind } from "../lib/order-actions"

type Props = { orderId: string; action: OrderActionKind | null; onClose: () => void }

/** Asks for the optional address (resend) and note, then runs the action; open while `action` is set. */
export const OrderActionDrawer = ({ orderId, action, onClose }: Props) => {
  const [to, setTo] = useState("")
  const [note, setNote] = useState("")
  const [problem, setProblem] = useState<string | null>(null)
  const resend = useResendMail(orderId)
  const resync = useResyncErp(orderId)
  const isPending = resend.isPending || resync.isPending
  const copy = action ? ORDER_ACTION_COPY[action] : null
  const address = to.trim()
  const badAddress = action === "resend-mail" && address !== "" && !looksLikeEmail(address)

  useEffect(() => {
    if (action) {
      setTo("")
      setNote("")
      setProblem(null)
    }
  }, [action])

  const callbacks = {
    onSuccess: () => {
      toast.success(copy!.done)
      onClose()
    },
    // a 409 says why (the invoice is not issued yet, a resend is still running…): keep the drawer open with it
    onError: (error: Error) => {
      setProblem(error.message)
      toast.error(`Could not ${copy!.button.toLowerCase()}`, { description: error.message })
    },
  }

  const submit = () => {
    if (!action || badAddress) return
    setProblem(null)
    const trimmedNote = note.trim() || undefined
    if (action === "resend-mail") {
      resend.mutate({ ...(address ? { to: address } : {}), ...(trimmedNote ? { note: trimmedNote } : {}) }, callbacks)
    } else {
      resync.mutate(trimmedNote ? { note: trimmedNote } : {}, callbacks)
    }
  }

  return (
    <Drawer open={!!action} onOpenChange={(open) => !open && !isPending && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{copy?.title ?? "Order action"}</Drawer.Title>
          <Drawer.Description>{copy?.effect}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          {action === "resend-mail" && (
            <div className="flex flex-col gap-y-2">
              <Label size="small" htmlFor={`resend-to-${orderId}`}>Send to (optional)</Label>
              <Input
                id={`resend-to-${orderId}`}
                type="email"
                value={to}
                placeholder="The order's e-mail address"
                aria-invalid={badAddress}
                onChange={(event) => setTo(event.target.value)}
              />
              {badAddress && <Text size="xsmall" className="text-ui-fg-error">Not an e-mail address</Text>}
            </div>
          )}
          <div className="flex flex-col gap-y-2">
            <Label size="small" htmlFor={`action-note-${orderId}`}>Note (optional)</Label>
            <Textarea
              id={`action-note-${orderId}`}
              value={note}
              maxLength={2000}
              rows={3}
              placeholder="Why, for the order's audit trail"
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          {problem && (
            <Text size="small" className="text-ui-fg-error break-words" role="alert">
              {problem}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" disabled={isPending} onClick={onClose}>Cancel</Button>
          <Button size="small" variant="primary" isLoading={isPending} disabled={badAddress} onClick={submit}>
            {copy?.submit ?? "Confirm"}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
