import { translationsFor } from "../../../i18n"

/** The PDF's Polish wording, as the plugin prints it. */
export const polishPdfLabels = translationsFor("pl").invoicePdf
