import { writeFileSync } from "fs"
import {
  einvoiceProblems,
  EInvoiceVerdict,
  validateEInvoices,
} from "../../../../../../dev-support/einvoice-validator"
import { describeWithEInvoiceValidator } from "../../../../../../integration-tests/helpers/describe-with-einvoice-validator"
import { modelOf } from "../../__tests__/__fixtures__/build-model"
import { EINVOICE_MATRIX } from "../../__tests__/__fixtures__/einvoice-matrix"
import { renderCiiInvoice } from "../cii/render-cii-invoice"
import { renderUblInvoice } from "../ubl/render-ubl-invoice"

const rendered = EINVOICE_MATRIX.map((testCase) => {
  const model = modelOf(testCase.order, testCase.options)
  return { name: testCase.name, cii: renderCiiInvoice(model), ubl: renderUblInvoice(model) }
})

describeWithEInvoiceValidator("the EN 16931 validator on issue #13's matrix", () => {
  let verdicts = new Map<string, EInvoiceVerdict>()

  beforeAll(async () => {
    verdicts = await validateEInvoices(
      rendered.flatMap(({ name, cii, ubl }) => [
        { name: `${name} CII`, content: cii },
        { name: `${name} UBL`, content: ubl },
      ])
    )
  }, 600_000)

  // EINVOICE_MATRIX_REPORT=file.json keeps the verdicts, for the matrix in a closing note
  afterAll(() => {
    if (process.env.EINVOICE_MATRIX_REPORT) {
      writeFileSync(process.env.EINVOICE_MATRIX_REPORT, JSON.stringify(Object.fromEntries(verdicts), null, 2))
    }
  })

  it.each(rendered.map(({ name }) => name))("%s: the CII and the UBL pass with 0 fatal errors", (name) => {
    for (const syntax of ["CII", "UBL"]) {
      const verdict = verdicts.get(`${name} ${syntax}`)!
      expect({ syntax, problems: einvoiceProblems(verdict) }).toEqual({ syntax, problems: [] })
    }
    expect(verdicts.get(`${name} CII`)!.xsd).toMatch(/^(valid|skipped)/)
  })
})
