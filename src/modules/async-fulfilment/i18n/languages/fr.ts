import type { Translations } from "../translations"

// French typography puts a no-break space (\u00a0) before ":" and ";".
const fr: Translations = {
  locale: "fr-FR",
  invoicePdf: {
    invoiceTitle: "Facture",
    creditNoteTitle: "Avoir",
    number: "N° de facture",
    issueDate: "Date d’émission",
    deliveryDate: "Date de livraison",
    dueDate: "Date d’échéance",
    orderReference: "Commande",
    correctedInvoice: "Facture d’origine",
    seller: "Vendeur",
    buyer: "Acheteur",
    deliverTo: "Adresse de livraison",
    vatId: "N° TVA",
    email: "E-mail",
    phone: "Téléphone",
    bankAccount: "Coordonnées bancaires",
    iban: "IBAN",
    bic: "BIC",
    columns: {
      position: "N°",
      description: "Désignation",
      quantity: "Qté",
      unit: "Unité",
      netUnitPrice: "Prix unitaire HT",
      netAmount: "Montant HT",
      vatRate: "Taux TVA",
      vatAmount: "TVA",
      grossAmount: "Montant TTC",
    },
    units: { C62: "unité", H87: "pièce", E48: "prestation" },
    discount: "Remise",
    vatSummary: {
      title: "Récapitulatif de la TVA",
      rate: "Taux TVA",
      taxableAmount: "Base HT",
      vatAmount: "Montant TVA",
      grossAmount: "Montant TTC",
    },
    totals: {
      netTotal: "Total HT",
      vatTotal: "Total TVA",
      grossTotal: "Total TTC",
      paidAmount: "Déjà payé",
      amountDue: "Net à payer",
    },
    payment: {
      title: "Paiement",
      means: "Moyen de paiement",
      terms: "Conditions de paiement",
      paid: "Payée",
    },
    notes: "Remarques",
    pageOf: "Page {page} sur {pages}",
  },
  invoiceModel: {
    shippingLineName: "Frais de livraison",
    discountReason: "Remise",
    reverseChargeReason: "Autoliquidation",
    reverseChargeNote:
      "Autoliquidation\u00a0: TVA due par le preneur en application de l’article 196 de la directive 2006/112/CE du Conseil.",
    exemptReason: "Exonération de TVA",
    exportReason:
      "Exonération de TVA\u00a0: exportation de biens hors de l’UE (article 146 de la directive 2006/112/CE du Conseil)",
    paidTerms: "Payée",
    dueTerms: "Payable sous {days} jours, au plus tard le {dueDate}",
    paymentMeansTransfer: "Virement bancaire",
    paymentMeansPaidOnline: "Payé en ligne",
  },
  mail: {
    greeting: "Bonjour {name},",
    greetingWithoutName: "Bonjour,",
    orderConfirmation: {
      subject: "Votre commande {orderNumber} — facture {invoiceNumber}",
      htmlTitle: "{storeName}\u00a0: commande {orderNumber}",
      intro: "Merci pour votre commande {orderNumber} passée le {placedOn} chez {storeName}.",
      columns: { item: "Article", quantity: "Qté", total: "Total" },
      shipping: "Livraison",
      total: "Total",
      taxIncluded: "(dont {taxTotal} de TVA)",
      textItemLine: "{quantity} × {title}\u00a0: {total}",
      textShippingLine: "Livraison\u00a0: {amount}",
      textTotalLine: "Total\u00a0: {total} (dont {taxTotal} de TVA)",
      invoiceAttached: "Vous trouverez ci-joint votre facture {invoiceNumber} au format PDF.",
      invoiceAttachedEInvoice:
        "Vous trouverez ci-joint votre facture {invoiceNumber} au format PDF (facture électronique Factur-X).",
      xmlAttached:
        "Elle est également jointe au format XML (facture électronique UBL) pour votre logiciel de comptabilité.",
      downloadLinkHtml: "Vous pouvez aussi {link}.",
      downloadLinkLabel: "télécharger votre facture",
      downloadLinkText: "Vous pouvez aussi la télécharger ici\u00a0: {url}",
      attachmentName: "facture-{invoiceNumber}",
    },
    reviewReceived: {
      subject: "Nous avons bien reçu votre commande {orderNumber}",
      paragraphs: [
        "Merci pour votre commande {orderNumber} chez {storeName}.",
        "En raison de son montant, nous la vérifions avant de la confirmer\u00a0; cela prend généralement un jour ouvré.",
        "Vous recevrez la confirmation avec votre facture dès qu’elle aura été validée.",
      ],
    },
    reviewRejected: {
      subject: "Votre commande {orderNumber} n’a pas pu être acceptée",
      paragraphs: [
        "Nous sommes désolés\u00a0: {storeName} n’a pas pu accepter votre commande {orderNumber}, qui a été annulée.",
        "Aucune facture n’a été émise. Tout paiement autorisé pour cette commande est libéré ou remboursé.",
        "N’hésitez pas à nous contacter si vous avez des questions.",
      ],
    },
  },
}

export default fr
