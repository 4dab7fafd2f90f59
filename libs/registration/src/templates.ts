import { defineTemplates } from '@app/notifications';

interface EntryMail {
  companyName: string;
  editionName: string;
  categoryName: string;
}

declare module '@app/notifications' {
  interface TemplateData {
    'entry-registered': EntryMail & { invoiceNumber: string; total: string; paymentDueAt: string; deadline: string };
    'deadline-reminder': EntryMail & { daysBefore: number; deadline: string; invoiceNumber: string; total: string };
    'registration-closed': EntryMail & { status: string };
    'entry-excluded': EntryMail & { reason: string };
    'category-cancelled': EntryMail & { minEntries: number; creditNoteNumber: string };
  }
}

defineTemplates({
  'entry-registered': {
    fr: {
      subject: 'Inscription enregistrée — {{categoryName}}, {{editionName}}',
      text: 'Bonjour,\n\nL’inscription de {{companyName}} dans la catégorie {{categoryName}} ({{editionName}}) est enregistrée.\nVous trouverez ci-joint la facture {{invoiceNumber}} d’un montant de {{total}} TTC, à régler avant le {{paymentDueAt}}.\nSans paiement à cette date, l’inscription sera exclue. Vous pouvez vous retirer jusqu’à la clôture des inscriptions ({{deadline}}).',
      html: '<p>Bonjour,</p><p>L’inscription de <strong>{{companyName}}</strong> dans la catégorie <strong>{{categoryName}}</strong> ({{editionName}}) est enregistrée.</p><p>Vous trouverez ci-joint la facture <strong>{{invoiceNumber}}</strong> d’un montant de <strong>{{total}}</strong> TTC, à régler avant le {{paymentDueAt}}.</p><p>Sans paiement à cette date, l’inscription sera exclue. Vous pouvez vous retirer jusqu’à la clôture des inscriptions ({{deadline}}).</p>',
    },
    en: {
      subject: 'Entry registered — {{categoryName}}, {{editionName}}',
      text: 'Hello,\n\nThe entry of {{companyName}} in the {{categoryName}} category ({{editionName}}) is registered.\nAttached is invoice {{invoiceNumber}} for {{total}} incl. VAT, payable before {{paymentDueAt}}.\nAn entry still unpaid then is excluded. You may withdraw until registration closes ({{deadline}}).',
      html: '<p>Hello,</p><p>The entry of <strong>{{companyName}}</strong> in the <strong>{{categoryName}}</strong> category ({{editionName}}) is registered.</p><p>Attached is invoice <strong>{{invoiceNumber}}</strong> for <strong>{{total}}</strong> incl. VAT, payable before {{paymentDueAt}}.</p><p>An entry still unpaid then is excluded. You may withdraw until registration closes ({{deadline}}).</p>',
    },
  },
  'deadline-reminder': {
    fr: {
      subject: 'J-{{daysBefore}} : votre inscription en {{categoryName}} n’est pas encore réglée',
      text: 'Bonjour,\n\nLes inscriptions à {{editionName}} ferment le {{deadline}}. La facture {{invoiceNumber}} ({{total}} TTC) de {{companyName}} pour la catégorie {{categoryName}} n’est pas encore réglée.',
      html: '<p>Bonjour,</p><p>Les inscriptions à {{editionName}} ferment le <strong>{{deadline}}</strong>. La facture <strong>{{invoiceNumber}}</strong> ({{total}} TTC) de {{companyName}} pour la catégorie {{categoryName}} n’est pas encore réglée.</p>',
    },
    en: {
      subject: '{{daysBefore}} day(s) left: your {{categoryName}} entry is not paid yet',
      text: 'Hello,\n\nRegistration for {{editionName}} closes on {{deadline}}. Invoice {{invoiceNumber}} ({{total}} incl. VAT) of {{companyName}} for the {{categoryName}} category is not paid yet.',
      html: '<p>Hello,</p><p>Registration for {{editionName}} closes on <strong>{{deadline}}</strong>. Invoice <strong>{{invoiceNumber}}</strong> ({{total}} incl. VAT) of {{companyName}} for the {{categoryName}} category is not paid yet.</p>',
    },
  },
  'registration-closed': {
    fr: {
      subject: 'Les inscriptions à {{editionName}} sont closes',
      text: 'Bonjour,\n\nLes inscriptions à {{editionName}} sont closes. Inscription de {{companyName}} en {{categoryName}} : {{status}}.',
      html: '<p>Bonjour,</p><p>Les inscriptions à {{editionName}} sont closes.</p><p>Inscription de {{companyName}} en {{categoryName}} : <strong>{{status}}</strong>.</p>',
    },
    en: {
      subject: 'Registration for {{editionName}} is closed',
      text: 'Hello,\n\nRegistration for {{editionName}} is closed. Entry of {{companyName}} in {{categoryName}}: {{status}}.',
      html: '<p>Hello,</p><p>Registration for {{editionName}} is closed.</p><p>Entry of {{companyName}} in {{categoryName}}: <strong>{{status}}</strong>.</p>',
    },
  },
  'entry-excluded': {
    fr: {
      subject: 'Inscription exclue — {{categoryName}}, {{editionName}}',
      text: 'Bonjour,\n\nL’inscription de {{companyName}} en {{categoryName}} ({{editionName}}) est exclue : {{reason}}.',
      html: '<p>Bonjour,</p><p>L’inscription de {{companyName}} en {{categoryName}} ({{editionName}}) est exclue : {{reason}}.</p>',
    },
    en: {
      subject: 'Entry excluded — {{categoryName}}, {{editionName}}',
      text: 'Hello,\n\nThe entry of {{companyName}} in {{categoryName}} ({{editionName}}) is excluded: {{reason}}.',
      html: '<p>Hello,</p><p>The entry of {{companyName}} in {{categoryName}} ({{editionName}}) is excluded: {{reason}}.</p>',
    },
  },
  'category-cancelled': {
    fr: {
      subject: 'Catégorie {{categoryName}} annulée — {{editionName}}',
      text: 'Bonjour,\n\nLa catégorie {{categoryName}} de {{editionName}} réunit moins de {{minEntries}} inscriptions payées : elle est annulée, car un titre gagné sans concurrent tromperait le public.\nL’avoir {{creditNoteNumber}} ci-joint annule la facture de {{companyName}} ; tout paiement reçu sera remboursé.',
      html: '<p>Bonjour,</p><p>La catégorie <strong>{{categoryName}}</strong> de {{editionName}} réunit moins de {{minEntries}} inscriptions payées : elle est annulée, car un titre gagné sans concurrent tromperait le public.</p><p>L’avoir <strong>{{creditNoteNumber}}</strong> ci-joint annule la facture de {{companyName}} ; tout paiement reçu sera remboursé.</p>',
    },
    en: {
      subject: 'Category {{categoryName}} cancelled — {{editionName}}',
      text: 'Hello,\n\nThe {{categoryName}} category of {{editionName}} has fewer than {{minEntries}} paid entries: it is cancelled, since a title won against no rival would mislead the public.\nThe attached credit note {{creditNoteNumber}} cancels the invoice of {{companyName}}; any payment received will be refunded.',
      html: '<p>Hello,</p><p>The <strong>{{categoryName}}</strong> category of {{editionName}} has fewer than {{minEntries}} paid entries: it is cancelled, since a title won against no rival would mislead the public.</p><p>The attached credit note <strong>{{creditNoteNumber}}</strong> cancels the invoice of {{companyName}}; any payment received will be refunded.</p>',
    },
  },
});
