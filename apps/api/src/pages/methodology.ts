import type { Locale } from '@app/accounts';

/** The methodology page's content (trusted HTML, no data): how tests are run, scored, weighted and ranked. */
export const METHODOLOGY: Record<Locale, string> = {
  fr: `
<h1>Méthodologie</h1>
<h2>Les tests</h2>
<p>Pendant la période de test, des clients mystères contactent chaque entreprise inscrite sur les canaux de sa catégorie
(téléphone, e-mail, chat, site web, réseaux sociaux), autant de fois que le quota du canal le prévoit. Chaque test suit un
scénario de la catégorie (par exemple « signaler une erreur de facturation ») dans un créneau réparti sur les jours de la
semaine et les moments de la journée, pour qu’aucune entreprise ne soit testée seulement aux heures faciles.</p>
<p>Un client mystère ne teste jamais une entreprise avec laquelle il a un lien (salarié, proche, fournisseur), et au plus
10 % des tests d’une entreprise reviennent à la même personne : le goût d’une seule personne ne décide pas d’un classement.</p>
<h2>Les notes</h2>
<p>Chaque test est noté sur une grille : chaque critère (accueil, compréhension de la demande, exactitude de la réponse…)
a un maximum et un poids. La note d’un test sur 20 vaut 20 × Σ(poids × points) / Σ(poids × maximum). Le jury valide ou
rejette chaque test ; seuls les tests validés comptent.</p>
<p>La note d’un canal est la moyenne des tests validés sur ce canal ; la note de l’entreprise est la moyenne des notes de
ses canaux, pondérée par le poids de chaque canal dans la catégorie.</p>
<h2>Le classement</h2>
<p>Les entreprises sont classées par note, comparée sans arrondi (les notes sont affichées avec deux décimales). Pour être
classée, une entreprise doit avoir au moins 80 % des tests prévus sur chacun de ses canaux ; sinon elle figure en
« données insuffisantes » et ne peut pas gagner. Égalité : la meilleure note au téléphone, puis le plus de tests validés,
puis l’écart type le plus faible ; sinon, ex aequo.</p>
<p>Le titre revient à la première entreprise d’une catégorie assez disputée si sa note atteint le seuil d’attribution. Une
catégorie peut n’avoir aucun lauréat.</p>
<h2>La marge d’erreur</h2>
<p>Une note repose sur un nombre limité de tests : refaits un autre jour, ils donneraient une note un peu différente. La
marge d’erreur à 95 % dit de combien : avec une note de 15,20 / 20 et une marge de ± 0,60, la « vraie » note a 95 chances
sur 100 d’être entre 14,60 et 15,80. Elle est d’autant plus petite que les tests sont nombreux et concordants. Quand les
marges des deux premières entreprises se chevauchent, le jury examine le classement avant de le figer.</p>
<h2>La publication</h2>
<p>Les résultats publiés ne sont jamais modifiés : une correction est une nouvelle version, avec son motif, et toutes les
versions restent lisibles. Chaque chiffre publié se retrouve à partir des tests validés qui l’ont produit.</p>`,
  en: `
<h1>Methodology</h1>
<h2>The tests</h2>
<p>During the test period, mystery shoppers contact every entered company on its category's channels (phone, e-mail,
chat, website, social media), as many times as each channel's quota says. Each test follows one of the category's
scenarios (for example "report a billing error") in a time window spread over weekdays and times of day, so that no
company is tested only at easy hours.</p>
<p>A shopper never tests a company they are linked to (employee, relative, supplier), and at most 10 % of one company's
tests go to the same person: one person's taste does not decide a ranking.</p>
<h2>The scores</h2>
<p>Each test is marked on a grid: each criterion (greeting, understanding of the request, accuracy of the answer…) has
a maximum and a weight. A test's score out of 20 is 20 × Σ(weight × points) / Σ(weight × maximum). The jury approves or
rejects each test; only approved tests count.</p>
<p>A channel's score is the mean of its approved tests; the company's score is the mean of its channels' scores,
weighted by each channel's weight in the category.</p>
<h2>The ranking</h2>
<p>Companies are ranked by score, compared unrounded (scores are shown with two decimals). To be ranked, a company needs
at least 80 % of the planned tests on each of its channels; otherwise it is listed as "insufficient data" and cannot win.
Ties: the better phone score, then more approved tests, then the lower standard deviation; otherwise, joint rank.</p>
<p>The title goes to the first company of a sufficiently contested category if its score reaches the award threshold.
A category may have no winner.</p>
<h2>The margin of error</h2>
<p>A score rests on a limited number of tests: run on another day, they would give a slightly different score. The 95 %
margin of error says by how much: with a score of 15.20 / 20 and a margin of ± 0.60, the "true" score has a 95 in 100
chance of lying between 14.60 and 15.80. It is smaller when tests are many and agree. When the margins of the first two
companies overlap, the jury examines the ranking before freezing it.</p>
<h2>Publication</h2>
<p>Published results are never changed: a correction is a new version, with its reason, and every version stays
readable. Every published figure can be traced back to the approved tests that made it.</p>`,
};
