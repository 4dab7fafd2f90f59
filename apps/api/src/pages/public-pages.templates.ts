import { pageTemplate } from './html-page';

/** The words of the public pages, French first. */
export const MESSAGES = {
  fr: {
    winnersTitle: 'Palmarès',
    winnersIntro: 'Les lauréats de chaque édition publiée, catégorie par catégorie.',
    noEditions: 'Aucun palmarès n’est encore publié.',
    editionTitle: 'Palmarès {{name}} {{year}}',
    publishedOn: 'Publié le {{date}}.',
    correction: 'Version {{version}} : corrige la version précédente. Motif : {{reason}}',
    earlier: 'Vous lisez la version {{version}}, remplacée depuis.',
    latestLink: 'Lire la dernière version',
    versions: 'Versions publiées',
    versionItem: 'Version {{version}}, publiée le {{date}}',
    winner: 'Lauréat',
    winners: 'Lauréats ex aequo',
    score: 'Note',
    margin: 'marge d’erreur à 95 % : ± {{margin}}',
    noWinner: 'Pas de lauréat : aucune entreprise n’a atteint le seuil de {{threshold}} / 20 avec des données suffisantes.',
    cancelled: 'Catégorie annulée : trop peu d’inscrits.',
    facts: '{{entrants}} entreprises inscrites, {{tests}} tests validés, seuil d’attribution {{threshold}} / 20.',
    methodologyLink: 'Comment les notes sont établies',
    notFoundTitle: 'Page introuvable',
    verifyTitle: 'Vérification d’un titre',
    verified: '{{company}} est lauréate du titre {{edition}} {{year}}, catégorie {{category}}.',
    licenceUntil: 'Sa licence d’utilisation du logo est valable jusqu’au {{date}}.',
    licenceNone: 'Sa licence d’utilisation du logo n’est pas en cours : le logo ne doit pas être utilisé.',
    withdrawn: 'Ce titre ({{company}}, {{edition}} {{year}}, catégorie {{category}}) a été retiré par une correction des résultats : il n’est plus valable.',
    unknownCode: 'Ce code ne correspond à aucun titre. Vérifiez l’adresse ou le code du logo.',
    methodologyTitle: 'Méthodologie',
  },
  en: {
    winnersTitle: 'Winners',
    winnersIntro: 'The winners of every published edition, category by category.',
    noEditions: 'No results are published yet.',
    editionTitle: '{{name}} {{year}} winners',
    publishedOn: 'Published on {{date}}.',
    correction: 'Version {{version}}: corrects the previous version. Reason: {{reason}}',
    earlier: 'You are reading version {{version}}, since replaced.',
    latestLink: 'Read the latest version',
    versions: 'Published versions',
    versionItem: 'Version {{version}}, published on {{date}}',
    winner: 'Winner',
    winners: 'Joint winners',
    score: 'Score',
    margin: '95 % margin of error: ± {{margin}}',
    noWinner: 'No winner: no company reached the threshold of {{threshold}} / 20 with sufficient data.',
    cancelled: 'Category cancelled: too few entries.',
    facts: '{{entrants}} companies entered, {{tests}} approved tests, award threshold {{threshold}} / 20.',
    methodologyLink: 'How the scores are made',
    notFoundTitle: 'Page not found',
    verifyTitle: 'Title verification',
    verified: '{{company}} holds the title {{edition}} {{year}}, category {{category}}.',
    licenceUntil: 'Its licence to use the logo is valid until {{date}}.',
    licenceNone: 'Its licence to use the logo is not in force: the logo must not be used.',
    withdrawn: 'This title ({{company}}, {{edition}} {{year}}, category {{category}}) was withdrawn by a correction of the results: it is no longer valid.',
    unknownCode: 'This code names no title. Check the address or the code on the logo.',
    methodologyTitle: 'Methodology',
  },
};
export type Messages = (typeof MESSAGES)['fr'];

export const winnersListPage = pageTemplate<{ t: Messages; editions: { href: string; label: string }[]; methodologyHref: string }>(`
<h1>{{t.winnersTitle}}</h1>
<p>{{t.winnersIntro}}</p>
{{#if editions.length}}<ul>{{#each editions}}<li><a href="{{href}}">{{label}}</a></li>{{/each}}</ul>{{else}}<p>{{t.noEditions}}</p>{{/if}}
<p><a href="{{methodologyHref}}">{{t.methodologyLink}}</a></p>
`);

export interface CategoryView {
  name: string;
  winnerLabel: string | null;
  winners: { companyName: string; score: string; margin: string | null }[];
  outcomeText: string | null;
  facts: string;
}

export const winnersPage = pageTemplate<{
  t: Messages;
  title: string;
  published: string;
  correction: string | null;
  earlier: { text: string; latestHref: string } | null;
  categories: CategoryView[];
  versions: { href: string; label: string; current: boolean }[];
  methodologyHref: string;
}>(`
<h1>{{title}}</h1>
<p>{{published}}</p>
{{#if earlier}}<p role="note"><strong>{{earlier.text}}</strong> <a href="{{earlier.latestHref}}">{{t.latestLink}}</a></p>{{/if}}
{{#if correction}}<p role="note">{{correction}}</p>{{/if}}
{{#each categories}}
<section>
<h2>{{name}}</h2>
{{#if winnerLabel}}
<table>
<thead><tr><th scope="col">{{winnerLabel}}</th><th scope="col">{{../t.score}}</th></tr></thead>
<tbody>{{#each winners}}<tr><td>{{companyName}}</td><td>{{score}}{{#if margin}} <span class="muted">({{margin}})</span>{{/if}}</td></tr>{{/each}}</tbody>
</table>
{{/if}}
{{#if outcomeText}}<p>{{outcomeText}}</p>{{/if}}
<p class="muted">{{facts}}</p>
</section>
{{/each}}
<h2>{{t.versions}}</h2>
<ul>{{#each versions}}<li>{{#if current}}<span aria-current="page">{{label}}</span>{{else}}<a href="{{href}}">{{label}}</a>{{/if}}</li>{{/each}}</ul>
<p><a href="{{methodologyHref}}">{{t.methodologyLink}}</a></p>
`);

export const messagePage = pageTemplate<{ title: string; lines: string[] }>(`
<h1>{{title}}</h1>
{{#each lines}}<p>{{this}}</p>{{/each}}
`);
