import { createCategory, createEdition, juryToken, openEdition } from '../support/season';
import { FR, signUpConfirmAndLogIn } from './support/company';
import { BrowserPortal, expectAccessible, keepScreenshotOnFailure } from './support/portal';

/** A company's journeys in French, in Chromium, against the real API, worker, Postgres, Redis and SMTP. */
describe('the company’s journeys (French)', () => {
  let portal: BrowserPortal;
  let jury: string;
  let categoryName: string;

  beforeAll(async () => {
    portal = await BrowserPortal.start();
    jury = await juryToken(portal.platform);
    const edition = await createEdition(portal.platform, jury);
    const category = await createCategory(portal.platform, jury, edition.id, { name: 'Banque et assurance' });
    categoryName = 'Banque et assurance';
    await openEdition(portal.platform, jury, edition.id);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('signs up, confirms, registers an entry and pays it by card through the stand-in', async () => {
    const { context, page } = await portal.visitor('fr');
    await keepScreenshotOnFailure('fr-signup-card', context, async () => {
      await signUpConfirmAndLogIn(page, portal.platform.inbox, FR);
      await page.goto('/entries/new');
      await page.getByRole('radio', { name: new RegExp(categoryName) }).check();
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
      await expectAccessible(page);
    });
  });
});
