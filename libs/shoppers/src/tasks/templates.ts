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
  }
}

defineTemplates({
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
