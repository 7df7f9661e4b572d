export { renderCiiInvoice } from "./cii/render-cii-invoice"
export { renderUblInvoice } from "./ubl/render-ubl-invoice"
export { EN16931_SPECIFICATION_ID, XRECHNUNG_SPECIFICATION_ID } from "./einvoice-specification"
