import { defineTemplates } from '@app/notifications';

/** One line of a shopper's digest; `window` is already formatted in the edition's time zone. */
export interface DigestTaskLine {
  companyName: string;
  channel: string;
  window: string;
  scenario: string;
}

declare module '@app/notifications' {
  interface TemplateData {
    'task-assigned-digest': { shopperName: string; count: number; tasks: DigestTaskLine[] };
    'tasks-unassignable': { categoryName: string; editionName: string; count: number };
    /** `windowEnd` is formatted in the edition's time zone. */
    'task-due-soon': { shopperName?: string; companyName: string; channel: string; windowEnd: string };
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
  'task-assigned-digest': {
    fr: {
      subject: '{{count}} nouvelle(s) mission(s) de client mystère',
      text: 'Bonjour {{shopperName}},\n\n{{count}} mission(s) vous ont été attribuée(s) :\n{{#each tasks}}- {{companyName}} — {{channel}} — {{window}} : {{scenario}}\n{{/each}}\nRetrouvez le détail de chaque mission dans votre espace.',
      html: '<p>Bonjour {{shopperName}},</p><p>{{count}} mission(s) vous ont été attribuée(s) :</p><ul>{{#each tasks}}<li><strong>{{companyName}}</strong> — {{channel}} — {{window}} : {{scenario}}</li>{{/each}}</ul><p>Retrouvez le détail de chaque mission dans votre espace.</p>',
    },
    en: {
      subject: '{{count}} new mystery-shopping task(s)',
      text: 'Hello {{shopperName}},\n\n{{count}} task(s) were assigned to you:\n{{#each tasks}}- {{companyName}} — {{channel}} — {{window}}: {{scenario}}\n{{/each}}\nEach task’s details are in your account.',
      html: '<p>Hello {{shopperName}},</p><p>{{count}} task(s) were assigned to you:</p><ul>{{#each tasks}}<li><strong>{{companyName}}</strong> — {{channel}} — {{window}}: {{scenario}}</li>{{/each}}</ul><p>Each task’s details are in your account.</p>',
    },
  },
  'tasks-unassignable': {
    fr: {
      subject: 'Missions sans client mystère — {{categoryName}}, {{editionName}}',
      text: 'Bonjour,\n\n{{count}} mission(s) de la catégorie {{categoryName}} ({{editionName}}) n’ont trouvé aucun client mystère éligible après toutes les tentatives : elles sont marquées « non attribuables ».\nAjoutez des clients mystères qualifiés pour ce secteur ou augmentez leur capacité.',
      html: '<p>Bonjour,</p><p><strong>{{count}}</strong> mission(s) de la catégorie <strong>{{categoryName}}</strong> ({{editionName}}) n’ont trouvé aucun client mystère éligible après toutes les tentatives : elles sont marquées « non attribuables ».</p><p>Ajoutez des clients mystères qualifiés pour ce secteur ou augmentez leur capacité.</p>',
    },
    en: {
      subject: 'Tasks with no mystery shopper — {{categoryName}}, {{editionName}}',
      text: 'Hello,\n\n{{count}} task(s) of the {{categoryName}} category ({{editionName}}) found no eligible mystery shopper after every try: they are flagged unassignable.\nAdd shoppers qualified for this sector or raise their capacity.',
      html: '<p>Hello,</p><p><strong>{{count}}</strong> task(s) of the <strong>{{categoryName}}</strong> category ({{editionName}}) found no eligible mystery shopper after every try: they are flagged unassignable.</p><p>Add shoppers qualified for this sector or raise their capacity.</p>',
    },
  },
});
