import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { createQueryClient } from '../../queryClient';
import { json } from '../../test/render';

const user = { id: 'u1', email: 'claire@banque.example', role: 'COMPANY', companyId: 'c1', locale: 'fr', name: null, emailConfirmed: true };
const edition = {
  id: 'e1',
  year: 2027,
  name: 'Élu Service Client 2027',
  timezone: 'Europe/Paris',
  status: 'OPEN',
  registrationDeadline: '2099-03-10T22:59:59.999Z',
};
const category = {
  id: 'k1',
  editionId: 'e1',
  code: 'banking',
  name: 'Banque',
  entryFeeCents: 1_368_000,
  entryFeeInclVatCents: 1_641_600,
  quotas: { PHONE: 10, EMAIL: 5 },
  status: 'OPEN',
};

/** The API as the stepper meets it; `POST /api/entries` answers what the test says. */
function stubApi(onEntry: (body: unknown) => Response) {
  const fetch = vi.fn(async (request: Request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/auth/refresh') return json(200, { accessToken: 'token', user });
    if (pathname === '/api/editions') return json(200, [edition]);
    if (pathname === '/api/editions/e1/categories') return json(200, [category]);
    if (pathname === '/api/entries' && request.method === 'POST') return onEntry(await request.json());
    return json(404, { statusCode: 404, error: 'Not Found', message: `${pathname} is not in this test` });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderStepper() {
  render(<App queryClient={createQueryClient({ retry: false })} history={createMemoryHistory({ initialEntries: ['/entries/new?categoryId=k1'] })} />);
}

const next = () => userEvent.click(screen.getByRole('button', { name: 'Suivant' }));
/** Types a whole value at once (as pasting does): each keystroke's check is the first test's business. */
const fill = async (label: string, value: string) => {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.paste(value);
};
const refusal = (message: string) => json(400, { statusCode: 400, error: 'Bad Request', message });

describe('the entry stepper', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("checks each contact point as it is typed, and will not go on while one breaks the API's rule", async () => {
    stubApi(() => json(201, {}));
    renderStepper();
    expect(await screen.findByRole('radio', { name: /Banque/ })).toHaveProperty('checked', true);
    await next();

    await userEvent.type(screen.getByLabelText('Téléphone n° 1'), 'call me');
    expect(screen.getByText(/Saisissez un numéro de téléphone/)).toBeTruthy();
    await next();
    expect(screen.getByLabelText('Téléphone n° 1')).toBeTruthy(); // still on the contact points

    await userEvent.clear(screen.getByLabelText('Téléphone n° 1'));
    await next();
    expect(screen.getByRole('alert').textContent).toMatch(/au moins un point de contact/); // none given at all
  });

  it("sends the contact points, and shows the API's refusal next to the channel it names, keeping what was typed", async () => {
    const entries: unknown[] = [];
    stubApi((body) => {
      entries.push(body);
      return refusal('contactPoints.EMAIL must hold e-mail addresses');
    });
    renderStepper();
    await screen.findByRole('radio', { name: /Banque/ });
    await next();
    await fill('Téléphone n° 1', '+33 1 23 45 67 89');
    await fill('E-mail n° 1', 'service@banque.example');
    await next();
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer la candidature' }));

    expect(entries).toEqual([{ categoryId: 'k1', contactPoints: { PHONE: ['+33 1 23 45 67 89'], EMAIL: ['service@banque.example'] } }]);
    expect(await screen.findByText('contactPoints.EMAIL must hold e-mail addresses')).toBeTruthy();
    expect(screen.getByLabelText('E-mail n° 1')).toHaveProperty('value', 'service@banque.example');
    expect(screen.getByLabelText('Téléphone n° 1')).toHaveProperty('value', '+33 1 23 45 67 89');
  });

  it("shows a late entry's refusal, with the deadline the API names, on the review step", async () => {
    stubApi(() => refusal('registration for edition 2027 closed at 10/03/2027 23:59:59 (Europe/Paris)'));
    renderStepper();
    await screen.findByRole('radio', { name: /Banque/ });
    await next();
    await fill('Téléphone n° 1', '+33 1 23 45 67 89');
    await next();
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer la candidature' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/closed at 10\/03\/2027 23:59:59 \(Europe\/Paris\)/));
    expect(screen.getByRole('button', { name: 'Confirmer la candidature' })).toBeTruthy();
  });
});
