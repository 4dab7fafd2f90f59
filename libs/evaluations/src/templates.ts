import { defineTemplates } from '@app/notifications';

declare module '@app/notifications' {
  interface TemplateData {
    'evaluation-rejected': { shopperName?: string; companyName: string; channel: string; reason: string };
  }
}

defineTemplates({
  'evaluation-rejected': {
    fr: {
      subject: 'Évaluation refusée : test {{channel}} de {{companyName}}',
      text: 'Bonjour{{#if shopperName}} {{shopperName}}{{/if}},\n\nLe jury a refusé votre évaluation du test {{channel}} de {{companyName}}, pour la raison suivante :\n{{reason}}\n\nCe test sera confié à un autre client mystère.',
      html: '<p>Bonjour{{#if shopperName}} {{shopperName}}{{/if}},</p><p>Le jury a refusé votre évaluation du test <strong>{{channel}}</strong> de <strong>{{companyName}}</strong>, pour la raison suivante :</p><blockquote>{{reason}}</blockquote><p>Ce test sera confié à un autre client mystère.</p>',
    },
    en: {
      subject: 'Evaluation rejected: {{channel}} test of {{companyName}}',
      text: 'Hello{{#if shopperName}} {{shopperName}}{{/if}},\n\nThe jury rejected your evaluation of the {{channel}} test of {{companyName}}, for this reason:\n{{reason}}\n\nThe test will go to another mystery shopper.',
      html: '<p>Hello{{#if shopperName}} {{shopperName}}{{/if}},</p><p>The jury rejected your evaluation of the <strong>{{channel}}</strong> test of <strong>{{companyName}}</strong>, for this reason:</p><blockquote>{{reason}}</blockquote><p>The test will go to another mystery shopper.</p>',
    },
  },
});
