import { FACTURX_FILE_NAME, facturXXmp, type FacturXConformanceLevel } from "./facturx-xmp"

// @types/pdfkit does not know the relationship pdfkit ≥ 0.15 writes as /AFRelationship.
type AttachmentOptions = PDFKit.Mixins.PDFAttachmentOptions & { relationship: "Alternative" | "Data" | "Source" }

/**
 * Embeds the CII XML as factur-x.xml and describes it in the XMP packet. pdfkit writes the file
 * stream (/Subtype /text#2Fxml, /Params with the dates, size and checksum), its /Filespec with
 * /AFRelationship, the catalog's /AF array and, since the file is not hidden, the /EmbeddedFiles
 * name tree that pdfdetach and validators read; the Factur-X XMP it does not write.
 */
export function attachFacturXXml(
  doc: PDFKit.PDFDocument,
  xml: string | Buffer,
  issuedAt: Date,
  level: FacturXConformanceLevel
): void {
  const bytes = typeof xml === "string" ? Buffer.from(xml, "utf8") : xml
  if (bytes.length === 0) {
    throw new Error("Cannot embed the e-invoice: the XML is empty")
  }
  const options: AttachmentOptions = {
    name: FACTURX_FILE_NAME,
    type: "text/xml",
    relationship: "Alternative",
    description: `Factur-X / ZUGFeRD invoice, profile ${level}`,
    creationDate: issuedAt,
    modifiedDate: issuedAt,
  }
  doc.file(bytes, options)
  doc.appendXML(facturXXmp(level))
}
