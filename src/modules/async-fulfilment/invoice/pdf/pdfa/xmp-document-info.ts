import { escapeXml } from "./escape-xml"

interface DocumentWithInfoXmp {
  info: PDFKit.DocumentInfo
  _addInfo?: () => void
}

const xmpDate = (date: Date) => `${date.toISOString().split(".")[0]}Z`
const alternative = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`

/** The XMP twin of the document information dictionary, which PDF/A wants equal to it. */
export function documentInfoXmp(info: PDFKit.DocumentInfo): string {
  const rows = [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
    info.CreationDate ? `<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>` : "",
    info.ModDate ? `<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>` : "",
    info.Creator ? `<xmp:CreatorTool>${escapeXml(info.Creator)}</xmp:CreatorTool>` : "",
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `<dc:format>application/pdf</dc:format>`,
    info.Title ? `<dc:title>${alternative(info.Title)}</dc:title>` : "",
    info.Author ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.Author)}</rdf:li></rdf:Seq></dc:creator>` : "",
    info.Subject ? `<dc:description>${alternative(info.Subject)}</dc:description>` : "",
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
    info.Producer ? `<pdf:Producer>${escapeXml(info.Producer)}</pdf:Producer>` : "",
    info.Keywords ? `<pdf:Keywords>${escapeXml(info.Keywords)}</pdf:Keywords>` : "",
    `</rdf:Description>`,
  ]
  return rows.filter(Boolean).join("\n")
}

/**
 * pdfkit 0.20.2 copies the info dictionary into the XMP packet unescaped (a seller "Smith & Sons"
 * makes the packet unreadable XML) and without xmp:ModifyDate (an info ModDate without its XMP
 * twin breaks PDF/A). The document's own step is replaced by one that writes both correctly; the
 * Factur-X tests read the packet back, so a pdfkit that renames the step fails them.
 */
export function writeDocumentInfoXmpEscaped(doc: PDFKit.PDFDocument): void {
  const target = doc as unknown as DocumentWithInfoXmp
  if (typeof target._addInfo !== "function") {
    throw new Error("pdfkit no longer writes the XMP document info through _addInfo: see xmp-document-info.ts")
  }
  target._addInfo = () => doc.appendXML(documentInfoXmp(target.info))
}
