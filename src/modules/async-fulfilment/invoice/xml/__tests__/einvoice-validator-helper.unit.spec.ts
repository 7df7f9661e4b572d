import {
  einvoiceProblems,
  planEInvoiceValidation,
  validateEInvoice,
} from "../../../../../../dev-support/einvoice-validator"
import { describeWithEInvoiceValidator } from "../../../../../../integration-tests/helpers/describe-with-einvoice-validator"
import { modelOf } from "../../__tests__/__fixtures__/build-model"
import { EINVOICE_MATRIX } from "../../__tests__/__fixtures__/einvoice-matrix"
import { renderCiiInvoice } from "../cii/render-cii-invoice"

describe("the e-invoice validator helper's plan", () => {
  const missing = { EINVOICE_DIR: "/nowhere" }

  it("fails a CI run without the validator and skips elsewhere, saying why", () => {
    expect(planEInvoiceValidation({ ...missing, CI: "true" })).toEqual({
      mode: "fail",
      reason: expect.stringContaining("the EN 16931 validator is not at /nowhere/validate-einvoice.mjs"),
    })
    expect(planEInvoiceValidation({ ...missing })).toMatchObject({ mode: "skip" })
  })
})

describeWithEInvoiceValidator("the e-invoice validator helper", () => {
  const { order, options } = EINVOICE_MATRIX[0]
  const cii = renderCiiInvoice(modelOf(order, options))

  it("names the rule a broken invoice fails", async () => {
    const broken = cii.replace(/<ram:GrandTotalAmount>[^<]*</, "<ram:GrandTotalAmount>1.00<")
    const problems = einvoiceProblems(await validateEInvoice(broken, "broken"))
    expect(problems.some((problem) => problem.startsWith("BR-CO-15: [BR-CO-15]-Invoice total amount with VAT (BT-112)"))).toBe(true)
  }, 60_000)

  it("treats what it could not validate as a failure, never as a pass", async () => {
    await expect(validateEInvoice("<not-an-invoice/>", "not-an-invoice")).rejects.toThrow(
      "the EN 16931 validator could not validate not-an-invoice.xml (exit 2): not a CII or UBL invoice"
    )
  }, 60_000)
})
