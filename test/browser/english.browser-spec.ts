/// <reference lib="dom" />
import { hashPassword } from '@app/accounts';
import { PASSWORD, randomSiren, uniqueEmail } from '../support/fixtures';
import { publishedEdition } from '../support/scored-edition';
import { createCategory, createEdition, juryToken, openEdition } from '../support/season';
import { EN, FR, linkFromMail, logIn, signUpConfirmAndLogIn } from './support/company';
import { BrowserPortal, expectAccessible, keepScreenshotOnFailure } from './support/portal';

/** The same journeys in English, a sign-up done with the keyboard only, and the public pages. */
describe('the portal in English, by keyboard, and its public pages', () => {
  let portal: BrowserPortal;
  let season: Awaited<ReturnType<typeof publishedEdition>>;

  beforeAll(async () => {
    portal = await BrowserPortal.start();
    const jury = await juryToken(portal.platform);
    const edition = await createEdition(portal.platform, jury);
    await createCategory(portal.platform, jury, edition.id, { name: 'Banking' });
    await openEdition(portal.platform, jury, edition.id);
    season = await publishedEdition(portal.platform);
    // a user who chose English: the portal follows the user's language once logged in
    await portal.platform.dataSource.query(`UPDATE app_user SET password_hash = $2, locale = 'en' WHERE id = $1`, [
      season.runnerUp.userId,
      await hashPassword(PASSWORD),
    ]);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('signs up, confirms, registers an entry and pays it by card, in English', async () => {
    const { context, page } = await portal.visitor('en');
    await keepScreenshotOnFailure('en-signup-card', context, async () => {
      await signUpConfirmAndLogIn(page, portal.platform.inbox, EN);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.goto('/entries/new');
      await page.getByRole('radio', { name: /Banking/ }).check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Phone no. 1').fill('+44 20 7946 0000');
      await page.getByRole('button', { name: 'Next' }).click();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Confirm the entry' }).click();
      await page.getByRole('button', { name: 'Pay by card' }).click();
      await page.waitForURL(/\/checkout\/standin\//);
      await page.getByRole('button', { name: 'Pay', exact: true }).click();
      await page.waitForURL(/\?paid=1/);
      await page.getByText('Payment received: your entry is confirmed.').waitFor();
      await expectAccessible(page);
    });
  });

  it('reads the report in English after publication', async () => {
    const { context, page } = await portal.visitor('en');
    await keepScreenshotOnFailure('en-report', context, async () => {
      await page.goto('/login');
      await logIn(page, season.runnerUp.email, PASSWORD, EN);
      await page.goto(`/entries/${season.entries[season.runnerUp.id]}/report`);
      await page
        .getByText(/2nd of 2/)
        .first()
        .waitFor();
      await page.getByRole('heading', { name: 'Points to improve' }).waitFor();
      await page.getByText(/Accueil \(Phone\)/).waitFor();
      await expectAccessible(page);
    });
  });

  it('signs up with the keyboard only', async () => {
    const { context, page } = await portal.visitor('fr');
    await keepScreenshotOnFailure('keyboard-signup', context, async () => {
      const email = uniqueEmail('keyboard');
      await page.goto('/signup');
      await page.getByRole('heading', { name: 'Inscrire mon entreprise' }).waitFor();
      /** Tabs until the focused element is the one named, typing nothing else. */
      const tabTo = async (name: RegExp) => {
        for (let i = 0; i < 40; i++) {
          await page.keyboard.press('Tab');
          const label = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            return el ? (el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '') : '';
          });
          if (name.test(label)) return;
        }
        throw new Error(`the keyboard never reached ${name}`);
      };
      await tabTo(/^Raison sociale/);
      await page.keyboard.type('Banque Clavier SA');
      await tabTo(/^SIREN/);
      await page.keyboard.type(randomSiren());
      await tabTo(/^Adresse de facturation/);
      await page.keyboard.type('1 rue de la Paix, 75002 Paris');
      await tabTo(/^Adresse e-mail/);
      await page.keyboard.type(email);
      await tabTo(/^Mot de passe/);
      await page.keyboard.type(PASSWORD);
      await tabTo(/^Créer le compte/);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: FR.checkInbox }).waitFor();
      await linkFromMail(portal.platform.inbox, email, FR.confirmSubject);
    });
  });

  it('the public pages rendered on the server pass axe in French and in English, and read without JavaScript', async () => {
    const licence = (await portal.platform.client.get(`/api/entries/${season.entries[season.winner.id]}/licence`, season.winner.token)).body;
    const paths = ['/winners', `/winners/${season.editionYear}`, `/verify/${licence.verificationCode}`, '/methodology'];
    const { context, page } = await portal.visitor('fr');
    await keepScreenshotOnFailure('public-pages', context, async () => {
      for (const path of paths) {
        for (const lang of ['fr', 'en']) {
          const response = await page.goto(`${path}?lang=${lang}`);
          expect(response?.status()).toBe(200);
          expect(await page.locator('html').getAttribute('lang')).toBe(lang);
          expect(await page.locator('h1').count()).toBe(1);
          await expectAccessible(page);
        }
      }
    });
    const noScript = await portal.browser.newContext({ baseURL: portal.baseUrl, javaScriptEnabled: false, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const bare = await noScript.newPage();
    await keepScreenshotOnFailure('public-pages-no-js', noScript, async () => {
      await bare.goto(`/winners/${season.editionYear}`);
      await bare.getByRole('cell', { name: season.winner.name }).waitFor({ timeout: 2_000 });
      await bare.goto(`/verify/${licence.verificationCode}`);
      await bare.getByText(`${season.winner.name} est lauréate du titre`).waitFor({ timeout: 2_000 });
    });
  });
});
