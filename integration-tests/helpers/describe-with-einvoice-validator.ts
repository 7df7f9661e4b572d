import { planEInvoiceValidation } from "../../dev-support/einvoice-validator"

/**
 * A describe block that needs the EN 16931 validator: without it, it fails under CI=true and
 * is skipped elsewhere, printing "SKIPPED: <reason>".
 */
export function describeWithEInvoiceValidator(name: string, body: () => void): void {
  const plan = planEInvoiceValidation()
  if (plan.mode === "run") {
    describe(name, body)
  } else if (plan.mode === "fail") {
    describe(name, () => {
      it("has the EN 16931 validator (required under CI=true)", () => {
        throw new Error(plan.reason)
      })
    })
  } else {
    // eslint-disable-next-line no-console
    console.log(`SKIPPED: ${name}: ${plan.reason}`)
    describe.skip(name, body)
  }
}
