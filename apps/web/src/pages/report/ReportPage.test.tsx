import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { createQueryClient } from '../../queryClient';
import { json } from '../../test/render';

const criterion = (key: string, label: string, score: number, categoryAverage: number) => ({ channel: 'PHONE', key, label, max: 4, score, categoryAverage });
const report = {
  entryId: 'n1',
  editionYear: 2027,
  editionName: 'Élu Service Client 2027',
  companyName: 'Banque Exemple',
  categoryCode: 'banking',
  categoryName: 'Banque',
  categoryOutcome: 'WINNER',
  rank: 1,
  of: 4,
  entrants: 4,
  score: 14.3,
  marginOfError: 0.42,
  scoreInterval: { low: 13.88, high: 14.72 },
  eligible: true,
  insufficientChannels: [],
  winner: true,
  approvedCount: 12,
  channelScores: { PHONE: 14.3 },
  channelAverages: { PHONE: 12.1 },
  criterionScores: [criterion('phone-greeting', 'Accueil', 3.5, 2.9), criterion('phone-answer', 'Exactitude de la réponse', 2.1, 2.6)],
  strengths: [criterion('phone-greeting', 'Accueil', 3.5, 2.9)],
  weaknesses: [criterion('phone-answer', 'Exactitude de la réponse', 2.1, 2.6)],
  categoryAverage: 12.1,
  awardThreshold: 12,
  version: 1,
  digest: 'a'.repeat(64),
  publishedAt: '2027-10-05T08:00:00Z',
  published: true,
};

describe('the report page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says the score, the rank of N and the margin in words, with the criteria by their labels against the category', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const { pathname } = new URL(request.url);
        if (pathname === '/api/auth/refresh') return json(200, { accessToken: 't', user: { id: 'u1', email: 'c@b.example', role: 'COMPANY', locale: 'fr' } });
        if (pathname === '/api/entries/n1/report') return json(200, report);
        return json(404, { statusCode: 404, error: 'Not Found', message: 'not in this test' });
      }),
    );
    render(<App queryClient={createQueryClient({ retry: false })} history={createMemoryHistory({ initialEntries: ['/entries/n1/report'] })} />);

    expect(await screen.findByText('14,30 / 20', undefined, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('1er sur 4')).toBeTruthy();
    expect(screen.getByText(/entre 13,88 et 14,72 sur 20/)).toBeTruthy();
    expect(screen.getByText(/Accueil \(Téléphone\) : 3,50, moyenne de la catégorie 2,90/)).toBeTruthy();
    // the charts' figures, also as a table (the charts load on their own)
    const table = await screen.findByRole('table', { name: /Téléphone : vos points et la moyenne/ }, { timeout: 15_000 });
    expect(table.textContent).toMatch(/Exactitude de la réponse2,102,60/);
  });
});
