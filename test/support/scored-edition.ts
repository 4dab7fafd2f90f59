import type { TestPlatform } from './platform';
import { createCategory, createEdition, juryToken, openEdition, quickCompanies } from './season';
import { quickShoppers, seedEntryInTest, seedTask } from './shoppers';

/**
 * Grid of categoryBody: greeting (max 4, weight 1), answer (max 4, weight 2), courtesy (max 1, weight 1):
 * Σ(weight × max) = 4 + 8 + 1 = 13.
 *   FULL  = {4, 4, 1}: 20 × 13 / 13 = 20
 *   GOOD  = {3, 3, 1}: 20 × (3 + 6 + 1) / 13 = 15.3846…
 *   WEAK  = {2, 2, 0}: 20 × (2 + 4 + 0) / 13 = 9.2307…
 * Quotas PHONE 2, EMAIL 1: eligible with 2 approved phone and 1 approved e-mail evaluations (80 % of each).
 */
export const FULL = { greeting: 4, answer: 4, courtesy: 1 };
export const GOOD = { greeting: 3, answer: 3, courtesy: 1 };
export const WEAK = { greeting: 2, answer: 2, courtesy: 0 };
export type Answers = typeof FULL;
export const scoreOf = (a: Answers) => Math.round(((20 * (a.greeting + 2 * a.answer + a.courtesy)) / 13) * 10_000) / 10_000;

export type Company = Awaited<ReturnType<typeof quickCompanies>>[number];

/**
 * An edition in test with one category of three entries and their approved evaluations: the winner scores 20
 * on both channels, the runner-up 15.38, the thin entry has no e-mail evaluation (insufficient data).
 */
export async function scoredEdition(platform: TestPlatform) {
  const sql = (text: string, params: unknown[] = []) => platform.dataSource.query(text, params);
  const jury = await juryToken(platform);
  const edition = await createEdition(platform, jury);
  const category = await createCategory(platform, jury, edition.id, { quotas: { PHONE: 2, EMAIL: 1 }, minEntries: 3, awardThreshold: 12 });
  await openEdition(platform, jury, edition.id);
  const [winner, runnerUp, thin] = await quickCompanies(platform, 3);
  const entries: Record<string, string> = {};
  for (const company of [winner, runnerUp, thin]) {
    entries[company.id] = await seedEntryInTest(platform, { editionId: edition.id, categoryId: category.id, companyId: company.id });
  }
  const [shopper] = await quickShoppers(platform, 1);

  /** An approved evaluation of the company's entry on the channel. */
  async function approved(company: Company, channel: 'PHONE' | 'EMAIL', answers: Answers) {
    const taskId = await seedTask(platform, {
      editionId: edition.id,
      categoryId: category.id,
      entryId: entries[company.id],
      companyId: company.id,
      shopperId: shopper.id,
      channel,
      status: 'APPROVED',
    });
    const prefix = channel.toLowerCase();
    const keyed = Object.fromEntries(Object.entries(answers).map(([k, v]) => [`${prefix}-${k}`, v]));
    await sql(
      `INSERT INTO evaluation (task_id, entry_id, category_id, shopper_id, channel, performed_at, answers, facts, score, status, reviewed_at)
       VALUES ($1, $2, $3, $4, $5, now() - interval '2 hours', $6, '{"resolved": true, "waitSeconds": 10, "replyDelayHours": 1}', $7, 'APPROVED', now())`,
      [taskId, entries[company.id], category.id, shopper.id, channel, JSON.stringify(keyed), scoreOf(answers)],
    );
  }

  for (const [company, answers] of [
    [winner, FULL],
    [runnerUp, GOOD],
  ] as const) {
    await approved(company, 'PHONE', answers);
    await approved(company, 'PHONE', answers);
    await approved(company, 'EMAIL', answers);
  }
  await approved(thin, 'PHONE', FULL);
  await approved(thin, 'PHONE', FULL);

  /** Moves the calendar so that the results may be published now. */
  async function reachPublicationDate() {
    await sql(
      `UPDATE edition SET registration_opens_at = now() - interval '100 days', registration_deadline = now() - interval '90 days',
              payment_due_at = now() - interval '80 days', test_period_start = now() - interval '70 days', test_period_end = now() - interval '60 days',
              results_publish_at = now() - interval '1 minute'
        WHERE id = $1`,
      [edition.id],
    );
  }

  return {
    jury,
    editionId: edition.id,
    editionYear: edition.year as number,
    categoryId: category.id,
    shopper,
    winner,
    runnerUp,
    thin,
    entries,
    approved,
    reachPublicationDate,
  };
}

/** A scored edition whose results are frozen and published (version 1). */
export async function publishedEdition(platform: TestPlatform) {
  const season = await scoredEdition(platform);
  const call = async (path: string) => {
    const response = await platform.client.post(`/api/editions/${season.editionId}/results/${path}`, {}, season.jury);
    if (response.status >= 300) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  };
  await platform.dataSource.query(`UPDATE edition SET status = 'SCORING' WHERE id = $1`, [season.editionId]);
  await call('freeze');
  await season.reachPublicationDate();
  await call('publish');
  return season;
}
