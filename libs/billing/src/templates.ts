import { defineTemplates } from '@app/notifications';

declare module '@app/notifications' {
  interface TemplateData {
    /** To each user of the company whose invoice was paid; amounts already formatted in the user's language. */
    'payment-received': { companyName: string; invoiceNumber: string; amount: string; method: string };
    /** To each jury user: a card payment was refused (wrong amount, unknown or already settled invoice). */
    'payment-mismatch': { invoiceNumber: string | null; expected: string | null; received: string; eventId: string; reason: string };
  }
}

defineTemplates({
  'payment-received': {
    fr: {
      subject: 'Paiement reçu — facture {{invoiceNumber}} — Palmares',
      text: 'Bonjour,\n\nNous avons bien reçu le paiement de {{amount}} ({{method}}) pour la facture {{invoiceNumber}} de {{companyName}}. Merci !\n\nLa facture est téléchargeable depuis votre espace Palmares.',
      html: '<p>Bonjour,</p><p>Nous avons bien reçu le paiement de <strong>{{amount}}</strong> ({{method}}) pour la facture <strong>{{invoiceNumber}}</strong> de {{companyName}}. Merci !</p><p>La facture est téléchargeable depuis votre espace Palmares.</p>',
    },
    en: {
      subject: 'Payment received — invoice {{invoiceNumber}} — Palmares',
      text: 'Hello,\n\nWe have received the payment of {{amount}} ({{method}}) for invoice {{invoiceNumber}} of {{companyName}}. Thank you!\n\nThe invoice can be downloaded from your Palmares account.',
      html: '<p>Hello,</p><p>We have received the payment of <strong>{{amount}}</strong> ({{method}}) for invoice <strong>{{invoiceNumber}}</strong> of {{companyName}}. Thank you!</p><p>The invoice can be downloaded from your Palmares account.</p>',
    },
  },
  'payment-mismatch': {
    fr: {
      subject: 'Paiement refusé à vérifier{{#if invoiceNumber}} — facture {{invoiceNumber}}{{/if}} — Palmares',
      text: 'Bonjour,\n\nUn paiement par carte n’a pas été enregistré : {{reason}}.\n\nFacture : {{#if invoiceNumber}}{{invoiceNumber}}{{else}}inconnue{{/if}}\nMontant attendu : {{#if expected}}{{expected}}{{else}}—{{/if}}\nMontant reçu : {{received}}\nÉvénement du prestataire : {{eventId}}\n\nVérifiez-le auprès du prestataire de paiement (remboursement ou enregistrement manuel).',
      html: '<p>Bonjour,</p><p>Un paiement par carte n’a pas été enregistré : <strong>{{reason}}</strong>.</p><ul><li>Facture : {{#if invoiceNumber}}{{invoiceNumber}}{{else}}inconnue{{/if}}</li><li>Montant attendu : {{#if expected}}{{expected}}{{else}}—{{/if}}</li><li>Montant reçu : {{received}}</li><li>Événement du prestataire : {{eventId}}</li></ul><p>Vérifiez-le auprès du prestataire de paiement (remboursement ou enregistrement manuel).</p>',
    },
    en: {
      subject: 'Refused payment to check{{#if invoiceNumber}} — invoice {{invoiceNumber}}{{/if}} — Palmares',
      text: 'Hello,\n\nA card payment was not recorded: {{reason}}.\n\nInvoice: {{#if invoiceNumber}}{{invoiceNumber}}{{else}}unknown{{/if}}\nExpected amount: {{#if expected}}{{expected}}{{else}}—{{/if}}\nAmount received: {{received}}\nProvider event: {{eventId}}\n\nCheck it with the payment provider (refund or record it by hand).',
      html: '<p>Hello,</p><p>A card payment was not recorded: <strong>{{reason}}</strong>.</p><ul><li>Invoice: {{#if invoiceNumber}}{{invoiceNumber}}{{else}}unknown{{/if}}</li><li>Expected amount: {{#if expected}}{{expected}}{{else}}—{{/if}}</li><li>Amount received: {{received}}</li><li>Provider event: {{eventId}}</li></ul><p>Check it with the payment provider (refund or record it by hand).</p>',
    },
  },
});
