import { DateTime } from 'luxon';
import { hashPassword } from '@app/accounts';
import { PASSWORD, signedInCompany, uniqueEmail } from '../support/fixtures';
import { publishedEdition } from '../support/scored-edition';
import { contactPoints, createCategory, createEdition, juryToken, openEdition } from '../support/season';
import { FR, linkFromMail, logIn, signUpConfirmAndLogIn } from './support/company';
import { BrowserPortal, expectAccessible, keepScreenshotOnFailure } from './support/portal';

const NEW_PASSWORD = 'battery-staple-77';

/** A company's journeys in French, in Chromium, against the real API, worker, Postgres, Redis and SMTP. */
describe('the company’s journeys (French)', () => {
  let portal: BrowserPortal;
  let jury: string;
  let categoryId: string;
  const CATEGORY = 'Banque et assurance';

  beforeAll(async () => {
    portal = await BrowserPortal.start();
    jury = await juryToken(portal.platform);
    const edition = await createEdition(portal.platform, jury);
    categoryId = (await createCategory(portal.platform, jury, edition.id, { name: CATEGORY })).id;
    await openEdition(portal.platform, jury, edition.id);
  });
  afterAll(async () => {
    await portal?.close();
  });

  /** A confirmed company (made through the API) logged in through the portal. */
  async function loggedIn(name: string) {
    const company = await signedInCompany(portal.platform.client, portal.platform.inbox);
    const { context, page } = await portal.visitor('fr');
    await page.goto('/login');
    await logIn(page, company.email, PASSWORD, FR);
    return { company, context, page, run: (journey: () => Promise<void>) => keepScreenshotOnFailure(name, context, journey) };
  }

  async function entryOf(company: { token: string }, category = categoryId) {
    const response = await portal.platform.client.post('/api/entries', { categoryId: category, contactPoints }, company.token);
    if (response.status !== 201) throw new Error(`entry: ${JSON.stringify(response.body)}`);
    return response.body as { id: string; invoice: { id: string; number: string; totalCents: number } };
  }

  it('signs up, confirms, registers an entry and pays it by card through the stand-in', async () => {
    const { context, page } = await portal.visitor('fr');
    await keepScreenshotOnFailure('fr-signup-card', context, async () => {
      await signUpConfirmAndLogIn(page, portal.platform.inbox, FR);
      await page.goto('/entries/new');
      await page.getByRole('radio', { name: new RegExp(CATEGORY) }).check();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Suivant' }).click();
      await page.getByLabel('Téléphone n° 1').fill('+33 1 23 45 67 89');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Suivant' }).click();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Confirmer la candidature' }).click();
      await page.waitForURL(/\/entries\/[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'Payer par carte' }).waitFor();
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Payer par carte' }).click();
      await page.waitForURL(/\/checkout\/standin\//);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Payer' }).click();
      await page.waitForURL(/\?paid=1/);
      await page.getByText('Paiement reçu : votre candidature est confirmée.').waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Payée' }).first().waitFor();
      await expectAccessible(page);
    });
  });

  it('pays by bank transfer: the instructions name the reference, the jury records it, the entry is confirmed', async () => {
    const { company, page, run } = await loggedIn('fr-transfer');
    await run(async () => {
      const entry = await entryOf(company);
      await page.goto(`/entries/${entry.id}`);
      await page.getByRole('button', { name: 'Payer par virement' }).click();
      await page.getByText('FR76 3000 6000 0112 3456 7890 189').waitFor();
      await page
        .getByRole('row', { name: /Référence à indiquer/ })
        .getByText(entry.invoice.number)
        .waitFor();
      await expectAccessible(page);
      const recorded = await portal.platform.client.post(
        `/api/invoices/${entry.invoice.id}/bank-transfers`,
        { amountCents: entry.invoice.totalCents, reference: `VIR-${entry.invoice.number}`, receivedAt: new Date().toISOString() },
        jury,
      );
      expect(recorded.status).toBeLessThan(300);
      await page.reload();
      await page.getByRole('listitem').filter({ hasText: 'Confirmée' }).first().waitFor();
      expect(await page.getByRole('button', { name: 'Payer par virement' }).count()).toBe(0);
      await expectAccessible(page);
    });
  });

  it('withdraws an entry before the deadline: the invoice is cancelled by a credit note', async () => {
    const { company, page, run } = await loggedIn('fr-withdraw');
    await run(async () => {
      const entry = await entryOf(company);
      await page.goto(`/entries/${entry.id}`);
      await page.getByRole('button', { name: 'Retirer la candidature' }).click();
      await expectAccessible(page);
      await page.getByRole('dialog').getByRole('button', { name: 'Retirer', exact: true }).click();
      await page
        .getByText(/Avoir \d{4}-\d{6}/)
        .first()
        .waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Retirée' }).first().waitFor();
      await expectAccessible(page);
    });
  });

  it('invites a colleague, who joins from the e-mail and sees the company’s users', async () => {
    const { page, run } = await loggedIn('fr-colleague');
    await run(async () => {
      const email = uniqueEmail('colleague');
      await page.goto('/colleagues');
      await expectAccessible(page);
      await page.getByLabel(/^Adresse e-mail/).fill(email);
      await page.getByRole('button', { name: 'Inviter un collègue' }).click();
      await page.getByText(`Invitation envoyée à ${email}.`).waitFor();

      const colleague = await portal.visitor('fr');
      await keepScreenshotOnFailure('fr-colleague-joins', colleague.context, async () => {
        await colleague.page.goto(await linkFromMail(portal.platform.inbox, email, /Rejoignez/));
        await expectAccessible(colleague.page);
        await colleague.page.getByLabel(/^Mot de passe/).fill(NEW_PASSWORD);
        await colleague.page.getByRole('button', { name: 'Activer mon compte' }).click();
        await colleague.page.waitForURL((url) => url.pathname !== '/join');
        await colleague.page.goto('/colleagues');
        await colleague.page.getByRole('cell', { name: email }).waitFor();
        expect(await colleague.page.getByRole('row').count()).toBe(3); // header + 2 users
        await expectAccessible(colleague.page);
      });
    });
  });

  it('resets a forgotten password by the e-mail’s link and logs in with the new one', async () => {
    const company = await signedInCompany(portal.platform.client, portal.platform.inbox);
    const { context, page } = await portal.visitor('fr');
    await keepScreenshotOnFailure('fr-reset', context, async () => {
      await page.goto('/login');
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await page.getByLabel(/^Adresse e-mail/).fill(company.email);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Envoyer le lien' }).click();
      await page.getByText(/un lien valable une heure vient de lui être envoyé/).waitFor();
      await page.goto(await linkFromMail(portal.platform.inbox, company.email, /Réinitialisez/));
      await page.getByLabel(/^Nouveau mot de passe/).fill(NEW_PASSWORD);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page.getByText('Votre mot de passe est changé. Connectez-vous avec le nouveau.').waitFor();
      await page.goto('/login');
      await logIn(page, company.email, NEW_PASSWORD, FR);
      await page.getByRole('heading', { name: 'Mes candidatures' }).waitFor();
    });
  });

  it('refuses an entry sent after the deadline, naming the deadline in Paris time', async () => {
    const late = await createEdition(portal.platform, jury);
    const lateCategory = await createCategory(portal.platform, jury, late.id, { name: 'Télécoms' });
    await openEdition(portal.platform, jury, late.id);
    const { page, run } = await loggedIn('fr-late');
    await run(async () => {
      await page.goto(`/entries/new?categoryId=${lateCategory.id}`);
      await page.getByRole('radio', { name: /Télécoms/ }).check();
      await page.getByRole('button', { name: 'Suivant' }).click();
      await page.getByLabel('Téléphone n° 1').fill('+33 1 23 45 67 89');
      await page.getByRole('button', { name: 'Suivant' }).click();
      // the deadline passes while the company reviews its entry
      const [[row]] = await portal.platform.dataSource.query(
        `UPDATE edition SET registration_deadline = date_trunc('second', now()) - interval '1 second' WHERE id = $1 RETURNING registration_deadline`,
        [late.id],
      );
      const parisDeadline = DateTime.fromJSDate(row.registration_deadline, { zone: 'Europe/Paris' }).toFormat('dd/MM/yyyy HH:mm:ss');
      await page.getByRole('button', { name: 'Confirmer la candidature' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: `closed at ${parisDeadline} (Europe/Paris)` })
        .waitFor();
      expect(await page.getByRole('button', { name: 'Confirmer la candidature' }).count()).toBe(1); // still on the review, nothing lost
      await expectAccessible(page);
    });
  });

  it('after publication, reads its report and sees its logo licence', async () => {
    const season = await publishedEdition(portal.platform);
    await portal.platform.dataSource.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [season.winner.userId, await hashPassword(PASSWORD)]);
    const { context, page } = await portal.visitor('fr');
    await keepScreenshotOnFailure('fr-report', context, async () => {
      await page.goto('/login');
      await logIn(page, season.winner.email, PASSWORD, FR);
      await page.goto(`/entries/${season.entries[season.winner.id]}`);
      await page.getByRole('heading', { name: 'Licence du logo' }).waitFor();
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Lire mon rapport' }).click();
      await page.waitForURL(/\/report$/);
      await page
        .getByText(/1er sur 2/)
        .first()
        .waitFor();
      await page.getByRole('heading', { name: 'Points forts' }).waitFor();
      await page
        .getByText(/Accueil/)
        .first()
        .waitFor();
      await expectAccessible(page);
    });
  });
});
