import { PermanentSideEffectError } from "./permanent-side-effect-error"

/**
 * The order's total is not the sum of its lines (store credit, gift cards or another deduction
 * the invoice model does not know): an invoice built from the lines would state another total.
 */
export class OrderTotalMismatchError extends PermanentSideEffectError {
  constructor(orderId: string, currencyCode: string, orderTotal: string, linesTotal: string) {
    super(
      `Order ${orderId}: its total ${orderTotal} ${currencyCode.toUpperCase()} is not the sum of its lines ` +
        `(${linesTotal}); credit lines and gift cards cannot be invoiced yet`
    )
    this.name = "OrderTotalMismatchError"
  }
}
