import { defineTemplates } from '@app/notifications';

declare module '@app/notifications' {
  interface TemplateData {
    'account-confirmation': { companyName: string; confirmUrl: string };
  }
}

defineTemplates({
  'account-confirmation': {
    fr: {
      subject: 'Confirmez votre adresse e-mail — Palmares',
      text: 'Bonjour,\n\nVotre compte pour {{companyName}} a été créé. Confirmez votre adresse en ouvrant ce lien :\n{{confirmUrl}}\n\nCe lien est valable 48 heures et ne sert qu’une fois.',
      html: '<p>Bonjour,</p><p>Votre compte pour <strong>{{companyName}}</strong> a été créé.</p><p><a href="{{confirmUrl}}">Confirmer mon adresse e-mail</a></p><p>Ce lien est valable 48 heures et ne sert qu’une fois.</p>',
    },
    en: {
      subject: 'Confirm your e-mail address — Palmares',
      text: 'Hello,\n\nYour account for {{companyName}} has been created. Confirm your address by opening this link:\n{{confirmUrl}}\n\nThe link is valid for 48 hours and works once.',
      html: '<p>Hello,</p><p>Your account for <strong>{{companyName}}</strong> has been created.</p><p><a href="{{confirmUrl}}">Confirm my e-mail address</a></p><p>The link is valid for 48 hours and works once.</p>',
    },
  },
});
