/**
 * A small CII-shaped document for the PDF/A structure tests, which only check that the bytes go
 * in and come out unchanged (multi-byte UTF-8 included); the EN 16931 test embeds CEN's example.
 */
export const SMALL_CII_XML = `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument><ram:ID>FV/2026/000123</ram:ID><ram:IncludedNote><ram:Content>Zażółć gęślą jaźń &amp; €</ram:Content></ram:IncludedNote></rsm:ExchangedDocument>
</rsm:CrossIndustryInvoice>
`
