import { defineTemplates } from '@app/notifications';

declare module '@app/notifications' {
  interface TemplateData {
    /** `windowEnd` is formatted in the edition's time zone. */
    'task-due-soon': { shopperName?: string; companyName: string; channel: string; windowEnd: string };
    'evaluation-rejected': { shopperName?: string; companyName: string; channel: string; reason: string };
  }
}

defineTemplates({
  'task-due-soon': {
    fr: {
      subject: 'Rappel : votre test {{channel}} de {{companyName}} se termine bientôt',
      text: 'Bonjour{{#if shopperName}} {{shopperName}}{{/if}},\n\nVotre test {{channel}} de {{companyName}} doit être réalisé et son évaluation envoyée avant la fin de sa fenêtre, le {{windowEnd}}.\nPassé ce délai, la tâche expirera et sera confiée à un autre client mystère.',
      html: '<p>Bonjour{{#if shopperName}} {{shopperName}}{{/if}},</p><p>Votre test <strong>{{channel}}</strong> de <strong>{{companyName}}</strong> doit être réalisé et son évaluation envoyée avant la fin de sa fenêtre, le <strong>{{windowEnd}}</strong>.</p><p>Passé ce délai, la tâche expirera et sera confiée à un autre client mystère.</p>',
    },
    en: {
      subject: 'Reminder: your {{channel}} test of {{companyName}} ends soon',
      text: 'Hello{{#if shopperName}} {{shopperName}}{{/if}},\n\nYour {{channel}} test of {{companyName}} must be performed and its evaluation submitted before its window ends, on {{windowEnd}}.\nAfter that, the task expires and goes to another mystery shopper.',
      html: '<p>Hello{{#if shopperName}} {{shopperName}}{{/if}},</p><p>Your <strong>{{channel}}</strong> test of <strong>{{companyName}}</strong> must be performed and its evaluation submitted before its window ends, on <strong>{{windowEnd}}</strong>.</p><p>After that, the task expires and goes to another mystery shopper.</p>',
    },
  },
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
