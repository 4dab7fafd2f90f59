import type { Page } from 'playwright-core';
import type { SmtpInbox } from '@app/simulation';
import { PASSWORD, randomSiren, uniqueEmail } from '../../support/fixtures';
import { expectAccessible } from './portal';

/** The link of the last mail to `email` whose subject matches, as the visitor clicks it (a path on the portal). */
export async function linkFromMail(inbox: SmtpInbox, email: string, subject: RegExp): Promise<string> {
  const mail = await inbox.waitForMail(email, { subject });
  const match = /https?:\/\/[^\s"<>]+[?&]token=[^\s"<>&]+/.exec(mail.text);
  if (!match) throw new Error(`no link in the mail "${mail.subject}"`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}

export interface Labels {
  signup: string;
  companyName: string;
  siren: string;
  billingAddress: string;
  email: string;
  password: string;
  createAccount: string;
  logIn: string;
  confirmed: RegExp;
  checkInbox: RegExp;
  confirmSubject: RegExp;
}

export const FR: Labels = {
  signup: 'Inscrire mon entreprise',
  companyName: 'Raison sociale',
  siren: 'SIREN',
  billingAddress: 'Adresse de facturation',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  createAccount: 'Créer le compte',
  logIn: 'Se connecter',
  confirmed: /Votre adresse est confirmée/,
  checkInbox: /Vérifiez votre boîte de réception/,
  confirmSubject: /Confirmez/,
};

export const EN: Labels = {
  signup: 'Sign up my company',
  companyName: 'Legal name',
  siren: 'SIREN',
  billingAddress: 'Billing address',
  email: 'E-mail address',
  password: 'Password',
  createAccount: 'Create the account',
  logIn: 'Log in',
  confirmed: /Your address is confirmed/,
  checkInbox: /Check your inbox/,
  confirmSubject: /Confirm your e-mail/,
};

/** Signs a company up from the home page, confirms it through the e-mail's link and logs in, checking each page with axe. */
export async function signUpConfirmAndLogIn(page: Page, inbox: SmtpInbox, t: Labels): Promise<{ email: string; companyName: string }> {
  const email = uniqueEmail('portal');
  const companyName = `Banque Portail ${email.slice(7, 13)}`;
  await page.goto('/');
  await expectAccessible(page);
  await page.getByRole('main').getByRole('link', { name: t.signup }).click();
  await page.getByLabel(t.companyName).fill(companyName);
  await page.getByLabel(t.siren).fill(randomSiren());
  await page.getByLabel(t.billingAddress).fill('1 rue de la Paix, 75002 Paris');
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(new RegExp(`^${t.password}`)).fill(PASSWORD);
  await expectAccessible(page);
  await page.getByRole('button', { name: t.createAccount }).click();
  await page.getByRole('heading', { name: t.checkInbox }).waitFor();
  await expectAccessible(page);

  await page.goto(await linkFromMail(inbox, email, t.confirmSubject));
  await page.getByText(t.confirmed).waitFor();
  await expectAccessible(page);
  await page.getByRole('main').getByRole('link', { name: t.logIn }).click();
  await logIn(page, email, PASSWORD, t);
  return { email, companyName };
}

export async function logIn(page: Page, email: string, password: string, t: Labels): Promise<void> {
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(new RegExp(`^${t.password}`)).fill(password);
  await expectAccessible(page);
  await page.getByRole('main').getByRole('button', { name: t.logIn }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
