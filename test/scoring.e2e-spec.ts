import { createHash } from 'node:crypto';
import { evaluationScore } from '@app/evaluations';
import { RankingsService, type CategoryRanking, type EditionRankings, type RankingRow } from '@app/scoring';
import { TestPlatform } from './support/platform';
import { createCategory, createEdition, juryToken, openEdition, quickCompanies } from './support/season';
import { quickShoppers, seedEntryInTest, seedTask, type QuickShopper } from './support/shoppers';

/*
 * THE HAND-COMPUTED FIXTURE
 *
 * Every category: quotas PHONE 2, EMAIL 1, WEB 1; weights PHONE 60, EMAIL 20, WEB 20.
 * Every entry has contact points for PHONE and EMAIL only: WEB (quota 1) is NOT tested, so it drops out
 * of the weighting: company score = (60 × phone + 20 × email) / 80 (with WEB it would be / 100).
 * Eligibility: PHONE needs ⌈80 % × 2⌉ = 2 approved, EMAIL ⌈80 % × 1⌉ = 1.
 *
 * PHONE grid (weighted): a = greeting (max 4, weight 1), b = answer (max 2, weight 3): Σ(weight × max) = 4 + 6 = 10,
 *   score = 20 × (a + 3b) / 10 = 2 × (a + 3b). E.g. a=4, b=1 → 2 × 7 = 14 (unweighted it would be 20 × 5/6 = 16.67).
 * EMAIL grid: c = clarity (max 5, weight 1): score = 20 × c / 5 = 4c.
 *
 * Category MAIN (minEntries 3, threshold 12), 9 entrants:
 *   A1  phone 18, 18   email 16       → (60×18 + 20×16)/80 = 1400/80 = 17.5 ; scores {18,18,16}
 *   A2  same as A1 (full ex aequo)     → 17.5 ; same phone, count, spread  → A1 and A2 rank 1, both winners
 *   A3  phone 16, 16   email 12       → (960 + 240)/80 = 15
 *   A4  phone 14, 14   email 16, 20   → (840 + 20×18)/80 = 1200/80 = 15 ; phone 14 < 16 → rank 4 (phone beats its 4 evaluations)
 *   A5  phone 8, 16, 12  email 8      → phone 12: (720 + 160)/80 = 11 ; 4 approved ; scores {8,16,12,8} sd = √(44/3) ≈ 3.83
 *   A6  phone 12, 12   email 8        → 11 ; same phone 12 ; 3 approved < 4 → rank 6 (count beats A5's larger spread)
 *   A7  phone 10, 10   email 8        → (600 + 160)/80 = 9.5 ; {10,10,8} sd = √(4/3) ≈ 1.155
 *   A8  phone 6, 14    email 8        → phone 10: 9.5 ; 3 approved ; {6,14,8} sd = √(52/3) ≈ 4.163 > A7's → rank 8
 *   A9  phone 20 (1 of 2 needed)  email 20 → 20, the highest score, but PHONE is short: insufficient data, rank null, listed last
 *   Ranks: 1, 1, 3, 4, 5, 6, 7, 8, null. Winners A1, A2 (17.5 ≥ 12, 9 ≥ 3 entrants). Outcome WINNER.
 *   Average of the ranked: (17.5×2 + 15×2 + 11×2 + 9.5×2)/8 = 106/8 = 13.25.
 *   Margin A1 = 1.96 × √(4/3) / √3 = 1.96 × 2/3 ≈ 1.30667; A1 and A2 overlap (same score): statistical tie.
 *   A1 also has a REJECTED phone evaluation (0) and a SUBMITTED email one (0): if they counted, A1 ≠ A2.
 *
 * Category LOW (minEntries 2, threshold 12): B1 phone 10, 10 email 8 → 9.5 (margin 1.30667 → [8.19, 10.81]);
 *   B2 phone 4, 4 email 4 → (240 + 80)/80 = 4, sd 0, margin 0 → [4, 4]: no overlap, no statistical tie.
 *   B1 rank 1 but 9.5 < 12: NO_WINNER.
 * Category SOLO (minEntries 3, threshold 12): one entrant at 17.5, rank 1, not contested: NO_WINNER.
 * Category GONE: cancelled, one entrant with approved evaluations: CANCELLED, no rows.
 *
 * Shopper bias (score − mean of the OTHER shoppers' scores, same entry and channel):
 *   A5 PHONE: harsh 8, generous 16, neutral 12 → generous 16 − (8+12)/2 = +6, harsh 8 − (16+12)/2 = −6, neutral 12 − 12 = 0
 *   A8 PHONE: harsh 6, generous 14 → generous +8, harsh −8
 *   Every other evaluation is neutral's alone on its entry and channel (nothing to compare): generous +7 over 2,
 *   harsh −7 over 2, neutral 0 over 1.
 */

const PHONE_GRID = [
  { key: 'greeting', label: 'Accueil', max: 4, weight: 1 },
  { key: 'answer', label: 'Réponse', max: 2, weight: 3 },
];
const EMAIL_GRID = [{ key: 'clarity', label: 'Clarté', max: 5, weight: 1 }];
const WEB_GRID = [{ key: 'site', label: 'Site', max: 4, weight: 1 }];
const RULES = {
  quotas: { PHONE: 2, EMAIL: 1, WEB: 1 },
  weights: { PHONE: 60, EMAIL: 20, WEB: 20 },
  grids: { PHONE: PHONE_GRID, EMAIL: EMAIL_GRID, WEB: WEB_GRID },
  scenarios: [
    { channel: 'PHONE', text: 'Résilier' },
    { channel: 'EMAIL', text: 'Facture' },
    { channel: 'WEB', text: 'Formulaire' },
  ],
};
const CONTACT = { PHONE: ['+33 1 23 45 67 89'], EMAIL: ['sc@example.fr'] };

/** PHONE answers for an even score s: a + 3b = s / 2. */
function phone(s: number): Record<string, number> {
  const k = s / 2;
  if (s === 14) return { greeting: 4, answer: 1 }; // 2 × (4 + 3) = 14: the weights matter (unweighted: 16.67)
  const answer = Math.min(2, Math.floor(k / 3));
  return { greeting: k - 3 * answer, answer };
}
const email = (s: number) => ({ clarity: s / 4 });

type Shopper = 'neutral' | 'generous' | 'harsh';
interface Ev {
  channel: 'PHONE' | 'EMAIL';
  score: number;
  by?: Shopper;
  status?: 'APPROVED' | 'REJECTED' | 'SUBMITTED';
}
const P = (score: number, by?: Shopper): Ev => ({ channel: 'PHONE', score, by });
const E = (score: number, by?: Shopper): Ev => ({ channel: 'EMAIL', score, by });

describe('scoring: rankings computed in SQL from the approved evaluations', () => {
  let platform: TestPlatform;
  let jury: string;
  let rankings: RankingsService;
  let editionId: string;
  let companyToken: string;
  const entries: Record<string, string> = {};
  const evaluationIds: Record<string, string[]> = {};
  const categories: Record<string, string> = {};
  let shoppers: Record<Shopper, QuickShopper>;
  let result: EditionRankings;

  beforeAll(async () => {
    platform = await TestPlatform.start({ worker: false });
    rankings = platform.api.get(RankingsService);
    jury = await juryToken(platform);
    const edition = await createEdition(platform, jury);
    editionId = edition.id;
    const make = async (key: string, overrides: Record<string, unknown>) =>
      (categories[key] = (await createCategory(platform, jury, editionId, { ...RULES, ...overrides })).id);
    await make('MAIN', { code: `main-${editionId.slice(0, 6)}`, minEntries: 3, awardThreshold: 12 });
    await make('LOW', { code: `low-${editionId.slice(0, 6)}`, minEntries: 2, awardThreshold: 12 });
    await make('SOLO', { code: `solo-${editionId.slice(0, 6)}`, minEntries: 3, awardThreshold: 12 });
    await make('GONE', { code: `gone-${editionId.slice(0, 6)}`, minEntries: 3, awardThreshold: 12 });
    await openEdition(platform, jury, editionId);
    const [neutral, generous, harsh] = await quickShoppers(platform, 3);
    shoppers = { neutral, generous, harsh };

    const fixture: [string, string, Ev[]][] = [
      ['A1', 'MAIN', [P(18), P(18), E(16), { channel: 'PHONE', score: 0, status: 'REJECTED' }, { channel: 'EMAIL', score: 0, status: 'SUBMITTED' }]],
      ['A2', 'MAIN', [P(18), P(18), E(16)]],
      ['A3', 'MAIN', [P(16), P(16), E(12)]],
      ['A4', 'MAIN', [P(14), P(14), E(16), E(20)]],
      ['A5', 'MAIN', [P(8, 'harsh'), P(16, 'generous'), P(12), E(8)]],
      ['A6', 'MAIN', [P(12), P(12), E(8)]],
      ['A7', 'MAIN', [P(10), P(10), E(8)]],
      ['A8', 'MAIN', [P(6, 'harsh'), P(14, 'generous'), E(8)]],
      ['A9', 'MAIN', [P(20), E(20)]],
      ['B1', 'LOW', [P(10), P(10), E(8)]],
      ['B2', 'LOW', [P(4), P(4), E(4)]],
      ['S1', 'SOLO', [P(18), P(18), E(16)]],
      ['G1', 'GONE', [P(18), P(18), E(16)]],
    ];
    const companies = await quickCompanies(platform, fixture.length + 1);
    companyToken = companies[fixture.length].token;
    for (const [i, [name, category, evaluations]] of fixture.entries()) {
      const entryId = await seedEntryInTest(platform, { editionId, categoryId: categories[category], companyId: companies[i].id, contactPoints: CONTACT });
      entries[name] = entryId;
      evaluationIds[name] = [];
      for (const ev of evaluations) {
        const shopper = shoppers[ev.by ?? 'neutral'];
        const status = ev.status ?? 'APPROVED';
        const taskId = await seedTask(platform, {
          editionId,
          categoryId: categories[category],
          entryId,
          companyId: companies[i].id,
          shopperId: shopper.id,
          channel: ev.channel,
          status,
        });
        const answers = ev.channel === 'PHONE' ? phone(ev.score) : email(ev.score);
        const grid = ev.channel === 'PHONE' ? PHONE_GRID : EMAIL_GRID;
        expect(Number(evaluationScore(grid, answers))).toBe(ev.score);
        const [row] = await platform.dataSource.query(
          `INSERT INTO evaluation (task_id, entry_id, category_id, shopper_id, channel, performed_at, answers, facts, score, status)
           VALUES ($1, $2, $3, $4, $5, now() - interval '1 hour', $6, '{"resolved": true}', $7, $8) RETURNING id`,
          [taskId, entryId, categories[category], shopper.id, ev.channel, JSON.stringify(answers), evaluationScore(grid, answers), status],
        );
        evaluationIds[name].push(row.id);
      }
    }
    await platform.dataSource.query(`UPDATE category SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1`, [categories.GONE]);
    await platform.dataSource.query(`UPDATE edition SET status = 'TESTING' WHERE id = $1`, [editionId]);
    const response = await platform.client.get(`/api/editions/${editionId}/rankings`, jury);
    expect(response.status).toBe(200);
    result = response.body;
  });
  afterAll(async () => {
    await platform.close();
  });

  const category = (key: string): CategoryRanking => result.categories.find((c) => c.categoryId === categories[key])!;
  const row = (name: string): RankingRow => result.categories.flatMap((c) => c.rows).find((r) => r.entryId === entries[name])!;

  it('scores the weighted grid, drops the untested channel, and ranks on the tie-break chain with ex aequo', () => {
    const main = category('MAIN');
    const names = main.rows.map((r) => Object.keys(entries).find((k) => entries[k] === r.entryId));
    // A1 and A2 are ex aequo: listed in either order (by company name); the rest is fixed
    expect(names.slice(0, 2).sort()).toEqual(['A1', 'A2']);
    expect(names.slice(2)).toEqual(['A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9']);
    const expected: [string, number | null, number][] = [
      ['A1', 1, 17.5],
      ['A2', 1, 17.5],
      ['A3', 3, 15],
      ['A4', 4, 15],
      ['A5', 5, 11],
      ['A6', 6, 11],
      ['A7', 7, 9.5],
      ['A8', 8, 9.5],
      ['A9', null, 20],
    ];
    for (const [name, rank, score] of expected) {
      expect({ name, rank: row(name).rank }).toEqual({ name, rank });
      expect(row(name).score).toBeCloseTo(score, 12);
    }
    // the weighted grid: A4's phone evaluations are 14 (a=4, b=1), not the unweighted 16.67
    expect(row('A4').channelScores.PHONE).toBeCloseTo(14, 12);
    expect(row('A4').channelScores.EMAIL).toBeCloseTo(18, 12);
    // WEB has a quota but no contact point: not tested, not reported, not in the weighting (with it A1 would be 14)
    expect(Object.keys(row('A1').channelScores).sort()).toEqual(['EMAIL', 'PHONE']);
    expect(row('A1').approvedCount).toBe(3);
    expect(row('A4').approvedCount).toBe(4);
    expect(row('A5').approvedCount).toBe(4);
    expect(row('A6').approvedCount).toBe(3);
    expect(row('A5').stdDev).toBeCloseTo(Math.sqrt(44 / 3), 12);
    expect(row('A7').stdDev).toBeCloseTo(Math.sqrt(4 / 3), 12);
    expect(row('A8').stdDev).toBeCloseTo(Math.sqrt(52 / 3), 12);
    // criterion breakdown: mean points per criterion (out of the criterion's max)
    expect(row('A4').criterionScores).toEqual({ PHONE: { greeting: 4, answer: 1 }, EMAIL: { clarity: 4.5 } });
  });

  it('lists an ineligible entry after the ranked ones, unranked, whatever its score', () => {
    const a9 = row('A9');
    expect(a9).toMatchObject({ rank: null, eligible: false, winner: false, insufficientChannels: ['PHONE'], approvedCount: 2 });
    expect(category('MAIN').rows.at(-1)!.entryId).toBe(entries.A9);
    expect(row('A8').eligible).toBe(true);
    expect(row('A8').insufficientChannels).toEqual([]);
  });

  it('names ex aequo winners, computes the average, the margins and the statistical tie', () => {
    const main = category('MAIN');
    expect(main).toMatchObject({ outcome: 'WINNER', contested: true, cancelled: false, entrants: 9, minEntries: 3, awardThreshold: 12 });
    expect(
      main.rows
        .filter((r) => r.winner)
        .map((r) => r.entryId)
        .sort(),
    ).toEqual([entries.A1, entries.A2].sort());
    expect(main.average).toBeCloseTo(13.25, 12);
    expect(row('A1').marginOfError).toBeCloseTo((1.96 * 2) / 3, 12);
    expect(row('A8').marginOfError).toBeCloseTo((1.96 * Math.sqrt(52 / 3)) / Math.sqrt(3), 12);
    expect(main.statisticalTie).toBe(true);
  });

  it('a top score under the threshold, an uncontested category and a cancelled one have no winner', () => {
    const low = category('LOW');
    expect(low).toMatchObject({ outcome: 'NO_WINNER', contested: true, statisticalTie: false, entrants: 2 });
    expect(row('B1')).toMatchObject({ rank: 1, eligible: true, winner: false });
    expect(row('B1').score).toBeCloseTo(9.5, 12);
    expect(row('B2').score).toBeCloseTo(4, 12);
    expect(row('B2').marginOfError).toBe(0);
    const solo = category('SOLO');
    expect(solo).toMatchObject({ outcome: 'NO_WINNER', contested: false, entrants: 1 });
    expect(solo.rows[0]).toMatchObject({ rank: 1, eligible: true, winner: false });
    const gone = category('GONE');
    expect(gone).toMatchObject({ outcome: 'CANCELLED', cancelled: true, contested: false, rows: [] });
  });

  it('measures each shopper against the other shoppers on the same entry and channel', () => {
    const bias = Object.fromEntries(result.shopperBias.map((b) => [b.shopperId, b]));
    expect(bias[shoppers.generous.id]).toMatchObject({ evaluations: 2, name: shoppers.generous.name });
    expect(bias[shoppers.generous.id].meanDeviation).toBeCloseTo(7, 12);
    expect(bias[shoppers.harsh.id].evaluations).toBe(2);
    expect(bias[shoppers.harsh.id].meanDeviation).toBeCloseTo(-7, 12);
    expect(bias[shoppers.neutral.id].evaluations).toBe(1);
    expect(bias[shoppers.neutral.id].meanDeviation).toBeCloseTo(0, 12);
    expect(result.shopperBias[0].shopperId).toBe(shoppers.generous.id);
  });

  describe('access', () => {
    it('is the jury’s: a company user gets 403, an unknown edition 404, an edition before its test period 409', async () => {
      expect((await platform.client.get(`/api/editions/${editionId}/rankings`, companyToken)).status).toBe(403);
      expect((await platform.client.get(`/api/editions/${editionId}/rankings`)).status).toBe(401);
      expect((await platform.client.get(`/api/editions/00000000-0000-4000-8000-000000000000/rankings`, jury)).status).toBe(404);
      const open = await createEdition(platform, jury);
      await createCategory(platform, jury, open.id);
      await openEdition(platform, jury, open.id);
      expect((await platform.client.get(`/api/editions/${open.id}/rankings`, jury)).status).toBe(409);
    });
  });

  describe('reproducibility', () => {
    it('computes the same figures and the same digest twice; the route and the service agree', async () => {
      const [first, second] = [await rankings.compute(editionId), await rankings.compute(editionId)];
      expect(second).toEqual(first);
      expect(first).toEqual(result);
      const digest = await rankings.inputsDigest(editionId);
      expect(digest).toMatch(/^[0-9a-f]{64}$/);
      expect(await rankings.inputsDigest(editionId)).toBe(digest);
      // inside a caller's transaction too (what a freeze does)
      await platform.dataSource.transaction(async (m) => {
        const settings = () => m.query(`SELECT current_setting('enable_sort') AS s, current_setting('work_mem') AS w, current_setting('jit') AS j`);
        const before = await settings();
        expect(await rankings.compute(editionId, m)).toEqual(first);
        // the planner settings of the rankings statement do not leak into the caller's transaction
        expect(await settings()).toEqual(before);
        expect(await rankings.inputsDigest(editionId, m)).toBe(digest);
      });
    });

    it('the digest is SHA-256 of its documented v3 form, recomputed here from the rows; a write to an evaluation’s hash is overwritten', async () => {
      const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest();
      const rules: { line: string }[] = await platform.dataSource.query(
        `SELECT jsonb_build_array('category', code, quotas, weights, grids, min_entries, award_threshold::text, status)::text AS line
         FROM category WHERE edition_id = $1 ORDER BY code COLLATE "C"`,
        [editionId],
      );
      const approved: { id: string; task_id: string; entry_id: string; channel: string; shopper_id: string; answers: string }[] =
        await platform.dataSource.query(
          `SELECT e.id, e.task_id, e.entry_id, e.channel, e.shopper_id, e.answers::text AS answers
           FROM evaluation e JOIN category c ON c.id = e.category_id
           WHERE c.edition_id = $1 AND e.status = 'APPROVED' ORDER BY e.category_id, e.id`,
          [editionId],
        );
      expect(approved).toHaveLength(40);
      const header = `palmares-rankings-inputs-v3\n${editionId}\n${rules.map((r) => `${r.line}\n`).join('')}`;
      const lines = approved.map((e) => sha256(`evaluation ${e.id} ${e.task_id} ${e.entry_id} ${e.channel} ${e.shopper_id} ${e.answers}`));
      const digest = sha256(Buffer.concat([Buffer.from(header, 'utf8'), ...lines])).toString('hex');
      expect(await rankings.inputsDigest(editionId)).toBe(digest);
      // the hash follows its row: a direct write to it is replaced by the row's own hash
      await platform.dataSource.query(`UPDATE evaluation SET inputs_hash = '\\x00' WHERE id = $1`, [evaluationIds.A2[0]]);
      expect(await rankings.inputsDigest(editionId)).toBe(digest);
      // and a hand correction of any column of the line: another shopper changes it, putting the shopper back restores it
      const moved = (shopper: QuickShopper) =>
        platform.dataSource.query(`UPDATE evaluation SET shopper_id = $2 WHERE id = $1`, [evaluationIds.A2[0], shopper.id]);
      await moved(shoppers.generous);
      expect(await rankings.inputsDigest(editionId)).not.toBe(digest);
      await moved(shoppers.neutral);
      expect(await rankings.inputsDigest(editionId)).toBe(digest);
    });

    it('a submitted or rejected evaluation changes neither the digest nor the figures; one changed approved evaluation changes both', async () => {
      const before = await rankings.inputsDigest(editionId);
      const figures = await rankings.compute(editionId);
      // A1's 4th and 5th evaluations are REJECTED and SUBMITTED
      const [rejected, submitted] = evaluationIds.A1.slice(3);
      await platform.dataSource.query(`UPDATE evaluation SET answers = '{"greeting": 4, "answer": 2}' WHERE id = $1`, [rejected]);
      await platform.dataSource.query(`UPDATE evaluation_answer SET points = 5 WHERE evaluation_id = $1`, [submitted]);
      expect(await rankings.inputsDigest(editionId)).toBe(before);
      expect(await rankings.compute(editionId)).toEqual(figures);

      // B2's first phone evaluation: 4 (a=2, b=0) → 6 (a=3, b=0): phone 5, B2 = (60×5 + 20×4)/80 = 380/80 = 4.75
      const changed = evaluationIds.B2[0];
      await platform.dataSource.query(`UPDATE evaluation SET answers = '{"greeting": 3, "answer": 0}', score = 6 WHERE id = $1`, [changed]);
      await platform.dataSource.query(`UPDATE evaluation_answer SET points = 3 WHERE evaluation_id = $1 AND criterion_key = 'greeting'`, [changed]);
      const after = await rankings.inputsDigest(editionId);
      expect(after).not.toBe(before);
      const recomputed = await rankings.compute(editionId);
      const b2 = recomputed.categories.flatMap((c) => c.rows).find((r) => r.entryId === entries.B2)!;
      expect(b2.score).toBeCloseTo(4.75, 12);
      expect(b2.channelScores.PHONE).toBeCloseTo(5, 12);
    });

    it('a change of a category rule changes the digest', async () => {
      const before = await rankings.inputsDigest(editionId);
      await platform.dataSource.query(`UPDATE category SET award_threshold = 11.5 WHERE id = $1`, [categories.LOW]);
      expect(await rankings.inputsDigest(editionId)).not.toBe(before);
    });
  });

  // Last: these add evaluations, which changes the figures the tests above compare with the fixture's.
  describe('the sums the rankings read, kept by the database', () => {
    interface Tally {
      entry_id: string;
      channel: string;
      criterion_key: string;
      points: string;
      answers: number;
    }
    /** This edition's tallies, and the same figures grouped from evaluation_answer over its APPROVED evaluations. */
    const tallies = async (): Promise<{ kept: Tally[]; grouped: Tally[] }> => ({
      kept: await platform.dataSource.query(
        `SELECT t.entry_id, t.channel, t.criterion_key, t.points::text AS points, t.answers
         FROM criterion_tally t JOIN entry en ON en.id = t.entry_id
         WHERE en.edition_id = $1 ORDER BY 1, 2, 3`,
        [editionId],
      ),
      grouped: await platform.dataSource.query(
        `SELECT e.entry_id, e.channel, a.criterion_key, sum(a.points)::text AS points, count(*)::int AS answers
         FROM evaluation_answer a JOIN evaluation e ON e.id = a.evaluation_id JOIN entry en ON en.id = e.entry_id
         WHERE en.edition_id = $1 AND e.status = 'APPROVED'
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [editionId],
      ),
    });
    /** weighted_points of this edition's evaluations with `statuses`, and Σ(weight units × points) of their answers. */
    const weighted = async (statuses: string[]) =>
      platform.dataSource.query(
        `SELECT e.id, e.status, e.weighted_points::text AS kept, COALESCE(sum(a.weight_units::bigint * a.points), 0)::text AS grouped
         FROM evaluation e JOIN entry en ON en.id = e.entry_id LEFT JOIN evaluation_answer a ON a.evaluation_id = e.id
         WHERE en.edition_id = $1 AND e.status = ANY ($2)
         GROUP BY e.id ORDER BY e.id`,
        [editionId, statuses],
      ) as Promise<{ id: string; status: string; kept: string; grouped: string }[]>;
    const expectConsistent = async () => {
      const { kept, grouped } = await tallies();
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(grouped);
      const approved = await weighted(['APPROVED']);
      expect(approved.length).toBeGreaterThan(0);
      expect(approved.map((e) => e.kept)).toEqual(approved.map((e) => e.grouped));
      return kept;
    };
    const of = (rows: Tally[], entry: string, channel: string) =>
      Object.fromEntries(
        rows.filter((t) => t.entry_id === entries[entry] && t.channel === channel).map((t) => [t.criterion_key, [Number(t.points), t.answers]]),
      );

    it('after the fixture (and the hand-corrected approved evaluation above) the tallies are the GROUP BY of the approved answers', async () => {
      const kept = await expectConsistent();
      // A1's PHONE: its two approved evaluations (18 = greeting 3, answer 2, twice); the rejected one (0) is not in
      expect(of(kept, 'A1', 'PHONE')).toEqual({ greeting: [6, 2], answer: [4, 2] });
      // A1's EMAIL: the approved 16 (clarity 4); the submitted one is not in
      expect(of(kept, 'A1', 'EMAIL')).toEqual({ clarity: [4, 1] });
      // weighted points: PHONE a + 3b (weights 1 and 3, × 10 000): 18 → 3 + 3 × 2 = 9 → 90 000; the rejected one has
      // its own (4 + 3 × 2 since its answers were changed above: 100 000), which enter nothing
      const [approved18, , , rejected] = evaluationIds.A1;
      const byId = Object.fromEntries((await weighted(['APPROVED', 'REJECTED', 'SUBMITTED'])).map((e) => [e.id, e]));
      expect(byId[approved18].kept).toBe('90000');
      expect(byId[rejected]).toMatchObject({ status: 'REJECTED', kept: '100000' });
    });

    it('submitted, then approved or rejected through the API: only the approved one enters the tallies; a rejected one contributes nothing', async () => {
      const before = of((await tallies()).kept, 'B1', 'PHONE');
      expect(before).toEqual({ greeting: [4, 2], answer: [2, 2] }); // B1: phone 10, 10 = greeting 2, answer 1, twice
      const submitted: string[] = [];
      for (const answers of [
        { greeting: 4, answer: 2 },
        { greeting: 1, answer: 0 },
      ]) {
        const taskId = await seedTask(platform, {
          editionId,
          categoryId: categories.LOW,
          entryId: entries.B1,
          companyId: (await platform.dataSource.query(`SELECT company_id FROM entry WHERE id = $1`, [entries.B1]))[0].company_id,
          shopperId: shoppers.generous.id,
          channel: 'PHONE',
        });
        const response = await platform.client.post(
          `/api/tasks/${taskId}/evaluation`,
          { performedAt: new Date(Date.now() - 10 * 60 * 1000).toISOString(), answers, facts: { waitSeconds: 30, resolved: true } },
          shoppers.generous.token,
        );
        expect(response.status).toBe(201);
        submitted.push(response.body.id);
      }
      // submitted: weighted points set (4 + 3 × 2 = 10 → 100 000; 1 → 10 000), tallies unchanged
      const byId = async () => Object.fromEntries((await weighted(['SUBMITTED', 'APPROVED', 'REJECTED'])).map((e) => [e.id, e]));
      expect((await byId())[submitted[0]]).toMatchObject({ status: 'SUBMITTED', kept: '100000', grouped: '100000' });
      expect((await byId())[submitted[1]]).toMatchObject({ status: 'SUBMITTED', kept: '10000', grouped: '10000' });
      expect(of(await expectConsistent(), 'B1', 'PHONE')).toEqual(before);

      expect((await platform.client.post(`/api/evaluations/${submitted[0]}/approve`, {}, jury)).status).toBe(200);
      expect((await platform.client.post(`/api/evaluations/${submitted[1]}/reject`, { reason: 'Appel hors de la fenêtre' }, jury)).status).toBe(200);
      expect(of(await expectConsistent(), 'B1', 'PHONE')).toEqual({ greeting: [8, 3], answer: [4, 3] });
      const reviewed = await byId();
      expect(reviewed[submitted[1]]).toMatchObject({ status: 'REJECTED', kept: '10000' });
      // and the rankings read them: B1's phone = (10 + 10 + 2 × (4 + 3 × 2)) / 3 = 40 / 3
      const b1 = (await rankings.compute(editionId)).categories.flatMap((c) => c.rows).find((r) => r.entryId === entries.B1)!;
      expect(b1.channelScores.PHONE).toBeCloseTo(40 / 3, 12);
      expect(b1.criterionScores.PHONE).toEqual({ greeting: 8 / 3, answer: 4 / 3 });
      expect(b1.approvedCount).toBe(4);
    });

    it('an approved evaluation that stops being approved is taken out again; a tally left with no answers is removed', async () => {
      const before = (await tallies()).kept;
      // a WEB evaluation of B1 (not a tested channel, so it changes no score): the only one of its channel
      const taskId = await seedTask(platform, {
        editionId,
        categoryId: categories.LOW,
        entryId: entries.B1,
        companyId: (await platform.dataSource.query(`SELECT company_id FROM entry WHERE id = $1`, [entries.B1]))[0].company_id,
        shopperId: shoppers.neutral.id,
        channel: 'WEB',
        status: 'APPROVED',
      });
      const [web] = await platform.dataSource.query(
        `INSERT INTO evaluation (task_id, entry_id, category_id, shopper_id, channel, performed_at, answers, facts, score, status)
         VALUES ($1, $2, $3, $4, 'WEB', now() - interval '1 hour', '{"site": 3}', '{"resolved": true}', 15, 'APPROVED') RETURNING id`,
        [taskId, entries.B1, categories.LOW, shoppers.neutral.id],
      );
      expect(of(await expectConsistent(), 'B1', 'WEB')).toEqual({ site: [3, 1] });
      // a correction by hand (the application never moves an evaluation out of APPROVED)
      await platform.dataSource.query(`UPDATE evaluation SET status = 'REJECTED', rejection_reason = 'doublon' WHERE id = $1`, [web.id]);
      const after = await expectConsistent();
      expect(of(after, 'B1', 'WEB')).toEqual({});
      expect(after).toEqual(before);
    });
  });
});
