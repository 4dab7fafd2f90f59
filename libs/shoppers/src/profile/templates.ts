import { defineTemplates } from '@app/notifications';

declare module '@app/notifications' {
  interface TemplateData {
    'shopper-invitation': { name: string; acceptUrl: string; sectors: string; weeklyCapacity: number };
  }
}

defineTemplates({
  'shopper-invitation': {
    fr: {
      subject: 'Invitation à devenir client mystère — Palmares',
      text: 'Bonjour {{name}},\n\nLe jury de Palmares vous invite à rejoindre ses clients mystères.\nSecteurs : {{sectors}}\nCapacité : {{weeklyCapacity}} tests par semaine (modifiable ensuite dans votre profil).\n\nPour accepter, choisissez votre mot de passe en ouvrant ce lien :\n{{acceptUrl}}\n\nCe lien est valable 14 jours et ne sert qu’une fois.',
      html: '<p>Bonjour {{name}},</p><p>Le jury de Palmares vous invite à rejoindre ses clients mystères.</p><p>Secteurs : <strong>{{sectors}}</strong><br>Capacité : <strong>{{weeklyCapacity}}</strong> tests par semaine (modifiable ensuite dans votre profil).</p><p><a href="{{acceptUrl}}">Accepter l’invitation</a></p><p>Ce lien est valable 14 jours et ne sert qu’une fois.</p>',
    },
    en: {
      subject: 'Invitation to become a mystery shopper — Palmares',
      text: 'Hello {{name}},\n\nThe Palmares jury invites you to join its mystery shoppers.\nSectors: {{sectors}}\nCapacity: {{weeklyCapacity}} tests a week (you can change it later in your profile).\n\nTo accept, choose your password by opening this link:\n{{acceptUrl}}\n\nThe link is valid for 14 days and works once.',
      html: '<p>Hello {{name}},</p><p>The Palmares jury invites you to join its mystery shoppers.</p><p>Sectors: <strong>{{sectors}}</strong><br>Capacity: <strong>{{weeklyCapacity}}</strong> tests a week (you can change it later in your profile).</p><p><a href="{{acceptUrl}}">Accept the invitation</a></p><p>The link is valid for 14 days and works once.</p>',
    },
  },
});
