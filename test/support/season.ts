import { randomInt, randomUUID } from 'node:crypto';
import { AccountsService, Role, TokensService } from '@app/accounts';
import type { TestPlatform } from './platform';
import { PASSWORD, randomSiren, uniqueEmail } from './fixtures';

const DAY = 24 * 3600 * 1000;

/** A jury user and its access token. */
export async function juryToken(platform: TestPlatform): Promise<string> {
  const email = uniqueEmail('jury');
  await platform.api.get(AccountsService).createJuryUser({ email, password: PASSWORD });
  const login = await platform.client.post('/api/auth/login', { email, password: PASSWORD });
  return login.body.accessToken;
}

/**
 * Companies made straight in the database with an access token each: fast enough to make hundreds
 * (sign-up itself is tested in accounts.e2e-spec.ts).
 */
export async function quickCompanies(platform: TestPlatform, count: number, overrides: { country?: string; vatNumber?: string | null } = {}) {
  const rows = Array.from({ length: count }, (_, i) => ({
    name: `Entreprise ${i + 1} ${randomUUID().slice(0, 6)}`,
    siren: randomSiren(),
    email: uniqueEmail('co'),
  }));
  const companies: { id: string; name: string; email: string; userId: string; token: string }[] = [];
  for (const row of rows) {
    const [company] = await platform.dataSource.query(
      `INSERT INTO company (legal_name, siren, foreign_registration_number, vat_number, country, billing_address) VALUES ($1, $2, $3, $4, $5, '1 rue de la Paix, 75002 Paris') RETURNING id`,
      [
        row.name,
        overrides.country && overrides.country !== 'FR' ? null : row.siren,
        overrides.country && overrides.country !== 'FR' ? 'REG-1' : null,
        overrides.vatNumber ?? null,
        overrides.country ?? 'FR',
      ],
    );
    const [user] = await platform.dataSource.query(
      `INSERT INTO app_user (email, password_hash, role, company_id, email_confirmed_at) VALUES ($1, 'x', 'COMPANY', $2, now()) RETURNING id`,
      [row.email, company.id],
    );
    const token = platform.api.get(TokensService).issueAccessToken({ id: user.id, role: Role.Company, companyId: company.id });
    companies.push({ id: company.id, name: row.name, email: row.email, userId: user.id, token });
  }
  return companies;
}

export interface CalendarOverrides {
  registrationOpensAt?: Date;
  registrationDeadline?: Date;
  paymentDueAt?: Date;
  testPeriodStart?: Date;
  testPeriodEnd?: Date;
  resultsPublishAt?: Date;
}

/** An edition opened a day ago whose deadline is a week away (unless overridden), through the API. */
export async function createEdition(platform: TestPlatform, jury: string, calendar: CalendarOverrides = {}) {
  const now = Date.now();
  const deadline = calendar.registrationDeadline ?? new Date(now + 7 * DAY);
  const body = {
    name: 'Élu Service Client',
    timezone: 'Europe/Paris',
    registrationOpensAt: (calendar.registrationOpensAt ?? new Date(now - DAY)).toISOString(),
    registrationDeadline: deadline.toISOString(),
    paymentDueAt: (calendar.paymentDueAt ?? new Date(deadline.getTime() + 15 * DAY)).toISOString(),
    testPeriodStart: (calendar.testPeriodStart ?? new Date(deadline.getTime() + 20 * DAY)).toISOString(),
    testPeriodEnd: (calendar.testPeriodEnd ?? new Date(deadline.getTime() + 80 * DAY)).toISOString(),
    resultsPublishAt: (calendar.resultsPublishAt ?? new Date(deadline.getTime() + 200 * DAY)).toISOString(),
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await platform.client.post('/api/editions', { ...body, year: randomInt(2030, 2100) }, jury);
    if (response.status === 201)
      return response.body as { id: string; year: number; registrationDeadline: string; paymentDueAt: string; testPeriodStart: string; testPeriodEnd: string };
    if (response.status !== 409) throw new Error(`edition creation failed: ${JSON.stringify(response.body)}`);
  }
  throw new Error('no free edition year');
}

export function categoryBody(overrides: Record<string, unknown> = {}) {
  const criteria = (prefix: string) => [
    { key: `${prefix}-greeting`, label: 'Accueil', max: 4, weight: 1 },
    { key: `${prefix}-answer`, label: 'Exactitude de la réponse', max: 4, weight: 2 },
    { key: `${prefix}-courtesy`, label: 'Courtoisie', max: 1, weight: 1 },
  ];
  return {
    code: `banking-${randomUUID().slice(0, 6)}`,
    name: 'Banque',
    entryFeeCents: 1_368_000,
    licenceFeeCents: 2_160_000,
    vatRate: 20,
    quotas: { PHONE: 10, EMAIL: 5 },
    weights: { PHONE: 60, EMAIL: 40 },
    grids: { PHONE: criteria('phone'), EMAIL: criteria('email') },
    scenarios: [
      { channel: 'PHONE', text: 'Demander comment résilier le contrat' },
      { channel: 'EMAIL', text: 'Signaler une erreur de facturation' },
    ],
    minEntries: 3,
    awardThreshold: 12,
    ...overrides,
  };
}

export async function createCategory(platform: TestPlatform, jury: string, editionId: string, overrides: Record<string, unknown> = {}) {
  const response = await platform.client.post(`/api/editions/${editionId}/categories`, categoryBody(overrides), jury);
  if (response.status !== 201) throw new Error(`category creation failed: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; code: string; entryFeeCents: number; entryFeeInclVatCents: number };
}

export async function openEdition(platform: TestPlatform, jury: string, editionId: string) {
  const response = await platform.client.post(`/api/editions/${editionId}/open`, {}, jury);
  if (response.status !== 200 && response.status !== 201) throw new Error(`open failed: ${JSON.stringify(response.body)}`);
}

export const contactPoints = { PHONE: ['+33 1 23 45 67 89'], EMAIL: ['service-client@example.fr'] };
