/** Factur-X 1.0 / ZUGFeRD 2.x XMP namespace (fixed by the standard, "1p0" for every 1.0x version). */
export const FACTURX_NAMESPACE = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"
export const FACTURX_FILE_NAME = "factur-x.xml"

/** The Factur-X profiles; "EN 16931" is the one the plugin issues, "XRECHNUNG" its German CIUS. */
export type FacturXConformanceLevel = "MINIMUM" | "BASIC WL" | "BASIC" | "EN 16931" | "EXTENDED" | "XRECHNUNG"

const FX_PROPERTIES: Array<[name: string, description: string]> = [
  ["DocumentFileName", "The name of the embedded XML document"],
  ["DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER"],
  ["Version", "The actual version of the standard applying to the embedded XML document"],
  ["ConformanceLevel", "The conformance level of the embedded XML document"],
]

/** The fx: properties themselves: what the PDF carries and as which profile. */
function facturXDescription(level: FacturXConformanceLevel): string {
  return [
    `<rdf:Description rdf:about="" xmlns:fx="${FACTURX_NAMESPACE}">`,
    `<fx:DocumentType>INVOICE</fx:DocumentType>`,
    `<fx:DocumentFileName>${FACTURX_FILE_NAME}</fx:DocumentFileName>`,
    `<fx:Version>1.0</fx:Version>`,
    `<fx:ConformanceLevel>${level}</fx:ConformanceLevel>`,
    `</rdf:Description>`,
  ].join("\n")
}

/** PDF/A admits an XMP schema of its own only when the packet declares it: the fx: schema's declaration. */
function facturXExtensionSchema(): string {
  const properties = FX_PROPERTIES.map(([name, description]) =>
    [
      `<rdf:li rdf:parseType="Resource">`,
      `<pdfaProperty:name>${name}</pdfaProperty:name>`,
      `<pdfaProperty:valueType>Text</pdfaProperty:valueType>`,
      `<pdfaProperty:category>external</pdfaProperty:category>`,
      `<pdfaProperty:description>${description}</pdfaProperty:description>`,
      `</rdf:li>`,
    ].join("\n")
  )
  return [
    `<rdf:Description rdf:about=""`,
    ` xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"`,
    ` xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"`,
    ` xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">`,
    `<pdfaExtension:schemas>`,
    `<rdf:Bag>`,
    `<rdf:li rdf:parseType="Resource">`,
    `<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>`,
    `<pdfaSchema:namespaceURI>${FACTURX_NAMESPACE}</pdfaSchema:namespaceURI>`,
    `<pdfaSchema:prefix>fx</pdfaSchema:prefix>`,
    `<pdfaSchema:property>`,
    `<rdf:Seq>`,
    ...properties,
    `</rdf:Seq>`,
    `</pdfaSchema:property>`,
    `</rdf:li>`,
    `</rdf:Bag>`,
    `</pdfaExtension:schemas>`,
    `</rdf:Description>`,
  ].join("\n")
}

export function facturXXmp(level: FacturXConformanceLevel): string {
  return `${facturXDescription(level)}\n${facturXExtensionSchema()}`
}
