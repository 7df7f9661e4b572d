import { dirname, join } from "path"

/** TrueType or OpenType font files to print the invoice with, as absolute paths. */
export interface InvoiceFonts {
  regular: string
  bold: string
}

/** DejaVu Sans: covers Latin (all of Central Europe), Greek and Cyrillic. */
export function defaultInvoiceFonts(): InvoiceFonts {
  // Through the package, not a node_modules path: the plugin is installed into other projects.
  const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf")
  return { regular: join(dir, "DejaVuSans.ttf"), bold: join(dir, "DejaVuSans-Bold.ttf") }
}
