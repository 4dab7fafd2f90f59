import { defineTemplates } from '@app/notifications';

interface ResultsMail {
  companyName: string;
  editionName: string;
  editionYear: number;
  categoryName: string;
  /** The outcome in the recipient's language: winner, rank of N, insufficient data or category cancelled. */
  outcome: string;
  /** Empty unless the entry won: the logo licence and its invoice. */
  licenceNote: string;
  reportUrl: string;
}

declare module '@app/notifications' {
  interface TemplateData {
    'results-outcome': ResultsMail;
    'results-corrected': ResultsMail & { version: number; reason: string };
  }
}

defineTemplates({
  'results-outcome': {
    fr: {
      subject: 'Résultats {{editionName}} {{editionYear}} — {{categoryName}}',
      text: 'Bonjour,\n\nLes résultats de {{editionName}} {{editionYear}} sont publiés.\nCatégorie {{categoryName}}, {{companyName}} : {{outcome}}.\n{{licenceNote}}\nVotre rapport détaillé (score, rang, détail par canal et par critère, moyenne de la catégorie) : {{reportUrl}}',
      html: '<p>Bonjour,</p><p>Les résultats de {{editionName}} {{editionYear}} sont publiés.</p><p>Catégorie <strong>{{categoryName}}</strong>, {{companyName}} : <strong>{{outcome}}</strong>.</p><p>{{licenceNote}}</p><p>Votre rapport détaillé (score, rang, détail par canal et par critère, moyenne de la catégorie) : <a href="{{reportUrl}}">{{reportUrl}}</a></p>',
    },
    en: {
      subject: '{{editionName}} {{editionYear}} results — {{categoryName}}',
      text: 'Hello,\n\nThe results of {{editionName}} {{editionYear}} are published.\n{{categoryName}} category, {{companyName}}: {{outcome}}.\n{{licenceNote}}\nYour detailed report (score, rank, breakdown by channel and criterion, category average): {{reportUrl}}',
      html: '<p>Hello,</p><p>The results of {{editionName}} {{editionYear}} are published.</p><p><strong>{{categoryName}}</strong> category, {{companyName}}: <strong>{{outcome}}</strong>.</p><p>{{licenceNote}}</p><p>Your detailed report (score, rank, breakdown by channel and criterion, category average): <a href="{{reportUrl}}">{{reportUrl}}</a></p>',
    },
  },
  'results-corrected': {
    fr: {
      subject: 'Résultats corrigés {{editionName}} {{editionYear}} — {{categoryName}}',
      text: 'Bonjour,\n\nLes résultats de {{editionName}} {{editionYear}} ont été corrigés (version {{version}}) : {{reason}}.\nCatégorie {{categoryName}}, {{companyName}} : {{outcome}}.\n{{licenceNote}}\nVotre rapport à jour : {{reportUrl}}',
      html: '<p>Bonjour,</p><p>Les résultats de {{editionName}} {{editionYear}} ont été corrigés (version {{version}}) : {{reason}}.</p><p>Catégorie <strong>{{categoryName}}</strong>, {{companyName}} : <strong>{{outcome}}</strong>.</p><p>{{licenceNote}}</p><p>Votre rapport à jour : <a href="{{reportUrl}}">{{reportUrl}}</a></p>',
    },
    en: {
      subject: '{{editionName}} {{editionYear}} results corrected — {{categoryName}}',
      text: 'Hello,\n\nThe results of {{editionName}} {{editionYear}} have been corrected (version {{version}}): {{reason}}.\n{{categoryName}} category, {{companyName}}: {{outcome}}.\n{{licenceNote}}\nYour updated report: {{reportUrl}}',
      html: '<p>Hello,</p><p>The results of {{editionName}} {{editionYear}} have been corrected (version {{version}}): {{reason}}.</p><p><strong>{{categoryName}}</strong> category, {{companyName}}: <strong>{{outcome}}</strong>.</p><p>{{licenceNote}}</p><p>Your updated report: <a href="{{reportUrl}}">{{reportUrl}}</a></p>',
    },
  },
});
