import { defineTemplates } from '@app/notifications';

declare module '@app/notifications' {
  interface TemplateData {
    'account-confirmation': { companyName: string; confirmUrl: string };
    'signup-attempt': { loginUrl: string };
    'password-reset': { resetUrl: string };
    'colleague-invitation': { companyName: string; inviterEmail: string; joinUrl: string };
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
  'signup-attempt': {
    fr: {
      subject: 'Tentative d’inscription avec votre adresse — Palmares',
      text: 'Bonjour,\n\nQuelqu’un vient de demander un nouveau compte Palmares avec votre adresse e-mail. Vous avez déjà un compte : aucun autre n’a été créé.\n\nPour vous connecter : {{loginUrl}}\n\nSi ce n’était pas vous, vous pouvez ignorer ce message.',
      html: '<p>Bonjour,</p><p>Quelqu’un vient de demander un nouveau compte Palmares avec votre adresse e-mail. Vous avez déjà un compte : aucun autre n’a été créé.</p><p><a href="{{loginUrl}}">Me connecter</a></p><p>Si ce n’était pas vous, vous pouvez ignorer ce message.</p>',
    },
    en: {
      subject: 'Someone tried to sign up with your address — Palmares',
      text: 'Hello,\n\nSomeone just asked for a new Palmares account with your e-mail address. You already have an account: no other one was created.\n\nTo log in: {{loginUrl}}\n\nIf this was not you, you can ignore this message.',
      html: '<p>Hello,</p><p>Someone just asked for a new Palmares account with your e-mail address. You already have an account: no other one was created.</p><p><a href="{{loginUrl}}">Log in</a></p><p>If this was not you, you can ignore this message.</p>',
    },
  },
  'password-reset': {
    fr: {
      subject: 'Réinitialisez votre mot de passe — Palmares',
      text: 'Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien :\n{{resetUrl}}\n\nCe lien est valable une heure et ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
      html: '<p>Bonjour,</p><p><a href="{{resetUrl}}">Choisir un nouveau mot de passe</a></p><p>Ce lien est valable une heure et ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.</p>',
    },
    en: {
      subject: 'Reset your password — Palmares',
      text: 'Hello,\n\nTo choose a new password, open this link:\n{{resetUrl}}\n\nThe link is valid for one hour and works once. If you did not ask for it, ignore this message: your password does not change.',
      html: '<p>Hello,</p><p><a href="{{resetUrl}}">Choose a new password</a></p><p>The link is valid for one hour and works once. If you did not ask for it, ignore this message: your password does not change.</p>',
    },
  },
  'colleague-invitation': {
    fr: {
      subject: 'Rejoignez {{companyName}} sur Palmares',
      text: 'Bonjour,\n\n{{inviterEmail}} vous invite à rejoindre le compte de {{companyName}} sur Palmares. Choisissez votre mot de passe en ouvrant ce lien :\n{{joinUrl}}\n\nCe lien est valable 48 heures et ne sert qu’une fois.',
      html: '<p>Bonjour,</p><p>{{inviterEmail}} vous invite à rejoindre le compte de <strong>{{companyName}}</strong> sur Palmares.</p><p><a href="{{joinUrl}}">Rejoindre {{companyName}}</a></p><p>Ce lien est valable 48 heures et ne sert qu’une fois.</p>',
    },
    en: {
      subject: 'Join {{companyName}} on Palmares',
      text: 'Hello,\n\n{{inviterEmail}} invites you to join the account of {{companyName}} on Palmares. Choose your password by opening this link:\n{{joinUrl}}\n\nThe link is valid for 48 hours and works once.',
      html: '<p>Hello,</p><p>{{inviterEmail}} invites you to join the account of <strong>{{companyName}}</strong> on Palmares.</p><p><a href="{{joinUrl}}">Join {{companyName}}</a></p><p>The link is valid for 48 hours and works once.</p>',
    },
  },
});
