import { translationsFor } from "../../../i18n"

/** The PDF's English wording, as the plugin prints it. */
export const englishPdfLabels = translationsFor("en").invoicePdf
