/**
 * The rankings of one edition in one statement: one result row per category (kind 'category', its ranking
 * rows inside as json, in ranking order), then one row (kind 'bias') with the shopper bias.
 * $1 = edition id; $2…$6 the grids' criteria (category, channel, key, weight, max), as read by GRIDS_SQL and
 * passed back as arrays so that the planner knows their size.
 *
 * Arithmetic: weights are scaled to integers (at most 4 decimals), so an evaluation's weighted points
 * num = Σ(w × points) are integers and its score is exactly 20 × num / den with den = Σ(w × max) of its
 * grid. The answers themselves are not read: the database keeps num on each evaluation (weighted_points)
 * and the points of the approved evaluations per entry, channel and criterion (criterion_tally, for the
 * breakdown), both from the answers and with the same weights as evaluation_answer (migration
 * 1764700000000-ranking-sums). Two index-only passes over the edition's approved evaluations, each grouped
 * as the index comes (no sort, nothing materialised per evaluation), give integer sums per entry and channel
 * (Σ num, Σ num², count) and per entry, channel and shopper (Σ num, count); every later figure follows
 * exactly from them: channel means, the pooled standard deviation, the shopper bias. Divisions are
 * Postgres `numeric` carried to 30 decimal places; nothing is rounded before ordering; the values leave
 * Postgres as json numbers (numeric's own text) and become JS numbers in the service. The result is built
 * as json, not jsonb: it is only printed, and json is text appended once where jsonb would be parsed and
 * rebuilt at every level of nesting.
 */
export const RANKINGS_SQL = `
WITH cat AS (
  SELECT c.id, c.code, c.name, c.quotas, c.weights, c.grids, c.min_entries, c.award_threshold, c.status
  FROM category c
  WHERE c.edition_id = $1
),
crit AS (
  -- the grids' criteria ($2…$6: category, channel, key, weight, max), read first and passed back as arrays so
  -- that the planner knows their size; weights scaled to integers (they have at most 4 decimals)
  SELECT r.crit_no::int, r.category_id, r.channel, r.criterion_key, round(r.weight * 10000)::int AS w, r.max::int AS max
  FROM unnest($2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::numeric[]) WITH ORDINALITY
       AS r(category_id, channel, criterion_key, weight, max, crit_no)
),
grid AS (
  -- den = Σ(weight × max) of each category's channel grid
  SELECT category_id, channel, sum(w::bigint * max)::bigint AS den FROM crit GROUP BY category_id, channel
),
ch AS MATERIALIZED (
  -- per entry and channel: Σ num, Σ num², the count (one pass over evaluation_approved_sums_idx, grouped in its
  -- order), the grid's den and channel score = mean of the evaluation scores = 20 × Σ num / (n × den), to 30
  -- decimal places. An evaluation's score is 20 × num / den, and den is the same for every evaluation of a
  -- channel, so every mean and spread below follows exactly from these sums. num² is exact in bigint
  -- (num < 3·10⁹; past it, Postgres raises an error rather than round).
  SELECT sums.category_id, sums.entry_id, sums.channel, sums.t, sums.n, grid.den,
         (20 * sums.t)::numeric(60, 30) / (sums.n * grid.den) AS channel_score,
         -- Σ score and Σ score² of the channel's evaluations, for the entry's standard deviation
         (20 * sums.t)::numeric(60, 30) / grid.den AS sum_s, (400 * sums.q)::numeric(80, 30) / (grid.den::numeric * grid.den) AS sum_s2
  FROM (
    SELECT e.category_id, e.entry_id, e.channel, sum(e.weighted_points)::bigint AS t, sum(e.weighted_points * e.weighted_points) AS q, count(*) AS n
    FROM evaluation e
    WHERE e.status = 'APPROVED' AND e.category_id = ANY (ARRAY(SELECT id FROM cat))
    GROUP BY e.category_id, e.entry_id, e.channel
  ) sums
  JOIN grid ON grid.category_id = sums.category_id AND grid.channel = sums.channel
),
en AS (
  SELECT e.id, e.category_id, e.company_id, co.legal_name AS company_name, e.contact_points
  FROM entry e
  JOIN cat ON cat.id = e.category_id
  JOIN company co ON co.id = e.company_id
  WHERE e.status IN ('CONFIRMED', 'IN_TEST', 'RANKED')
),
crit_mean AS (
  -- criterion breakdown: mean points per entry, channel and criterion, from the approved evaluations' tallies
  -- (json objects: text, appended as they are into the row)
  SELECT entry_id, json_object_agg(channel, points) AS criterion_scores
  FROM (
    SELECT t.entry_id, t.channel, json_object_agg(t.criterion_key, t.points::numeric / t.answers) AS points
    FROM criterion_tally t
    WHERE t.entry_id IN (SELECT id FROM en)
    GROUP BY t.entry_id, t.channel
  ) per_channel
  GROUP BY entry_id
),
tc AS MATERIALIZED (
  -- tested channels: a quota above 0 and a contact point on the entry
  SELECT en.id AS entry_id, q.key AS channel, q.value::int AS quota,
         COALESCE((cat.weights ->> q.key)::numeric, 0) AS weight, ch.channel_score, COALESCE(ch.n, 0) AS n, ch.sum_s, ch.sum_s2
  FROM en
  JOIN cat ON cat.id = en.category_id
  CROSS JOIN LATERAL jsonb_each_text(cat.quotas) AS q
  LEFT JOIN ch ON ch.entry_id = en.id AND ch.channel = q.key
  WHERE q.value::int > 0
    AND jsonb_typeof(en.contact_points -> q.key) = 'array'
    AND jsonb_array_length(en.contact_points -> q.key) > 0
),
spread AS (
  -- sample standard deviation of the entry's evaluation scores on its tested channels: (Σs² − (Σs)²/n) / (n − 1)
  SELECT entry_id, n, CASE WHEN n >= 2 THEN sqrt(greatest(0, (sum_s2 - sum_s * sum_s / n) / (n - 1))) END AS sd
  FROM (SELECT entry_id, sum(n) AS n, sum(sum_s) AS sum_s, sum(sum_s2) AS sum_s2 FROM tc WHERE n > 0 GROUP BY entry_id) totals
),
scored AS (
  SELECT en.id AS entry_id, en.category_id, en.company_id, en.company_name,
         sum(tc.weight * tc.channel_score) FILTER (WHERE tc.channel_score IS NOT NULL)
           / NULLIF(sum(tc.weight) FILTER (WHERE tc.channel_score IS NOT NULL), 0) AS score,
         count(tc.channel) > 0 AND COALESCE(bool_and(tc.n >= ceil(tc.quota * 0.8)), false) AS sufficient,
         COALESCE(json_agg(tc.channel ORDER BY tc.channel) FILTER (WHERE tc.n < ceil(tc.quota * 0.8)), '[]') AS insufficient,
         COALESCE(json_object_agg(tc.channel, tc.channel_score) FILTER (WHERE tc.channel IS NOT NULL), '{}') AS channel_scores,
         max(tc.channel_score) FILTER (WHERE tc.channel = 'PHONE') AS phone_score
  FROM en
  LEFT JOIN tc ON tc.entry_id = en.id
  GROUP BY en.id, en.category_id, en.company_id, en.company_name
),
ranked AS MATERIALIZED (
  SELECT s.*, s.sufficient AND s.score IS NOT NULL AS eligible,
         COALESCE(sp.n, 0) AS approved, sp.sd,
         CASE WHEN sp.n >= 2 THEN 1.96 * sp.sd / sqrt(sp.n::numeric) END AS margin,
         CASE WHEN s.sufficient AND s.score IS NOT NULL THEN
           rank() OVER (PARTITION BY s.category_id, s.sufficient AND s.score IS NOT NULL
                        ORDER BY s.score DESC, s.phone_score DESC NULLS LAST, COALESCE(sp.n, 0) DESC, sp.sd ASC NULLS LAST)
         END AS rank,
         row_number() OVER (PARTITION BY s.category_id
                            ORDER BY s.sufficient AND s.score IS NOT NULL DESC, s.score DESC NULLS LAST, s.phone_score DESC NULLS LAST,
                                     COALESCE(sp.n, 0) DESC, sp.sd ASC NULLS LAST, s.company_name, s.entry_id) AS position
  FROM scored s
  LEFT JOIN spread sp ON sp.entry_id = s.entry_id
),
cat_stats AS MATERIALIZED (
  SELECT cat.id AS category_id,
         count(r.entry_id) AS entrants,
         avg(r.score) FILTER (WHERE r.rank IS NOT NULL) AS average,
         cat.status <> 'CANCELLED' AND count(r.entry_id) >= cat.min_entries AS contested,
         -- the first two rows in ranking order: [score ± margin] overlap (a missing margin counts as 0)
         abs(max(r.score) FILTER (WHERE r.rank IS NOT NULL AND r.position = 1) - max(r.score) FILTER (WHERE r.rank IS NOT NULL AND r.position = 2))
           <= COALESCE(max(r.margin) FILTER (WHERE r.position = 1), 0) + COALESCE(max(r.margin) FILTER (WHERE r.position = 2), 0)
           AS statistical_tie
  FROM cat
  LEFT JOIN ranked r ON r.category_id = cat.id
  GROUP BY cat.id, cat.status, cat.min_entries
),
final_rows AS MATERIALIZED (
  SELECT r.*, COALESCE(r.rank = 1 AND r.eligible AND cs.contested AND r.score >= cat.award_threshold, false) AS winner,
         COALESCE(cm.criterion_scores, '{}') AS criterion_scores
  FROM ranked r
  JOIN cat ON cat.id = r.category_id
  JOIN cat_stats cs ON cs.category_id = r.category_id
  LEFT JOIN crit_mean cm ON cm.entry_id = r.entry_id
),
per_category AS (
  SELECT category_id, bool_or(winner) AS has_winner,
         json_agg(json_build_object(
           'entryId', entry_id, 'companyId', company_id, 'companyName', company_name,
           'rank', rank, 'score', score, 'marginOfError', margin, 'eligible', eligible,
           'insufficientChannels', insufficient, 'winner', winner, 'approvedCount', approved,
           'stdDev', sd, 'channelScores', channel_scores, 'criterionScores', criterion_scores)
         ORDER BY position) AS rows
  FROM final_rows
  GROUP BY category_id
),
-- shopper bias: in a cell (entry, channel, shopper) with t, n and the other shoppers' ot, o_n (the channel's
-- totals less the cell's), Σ (score − mean of the others' scores) = 20 × (t − n × ot / o_n) / den
--   = 20 × (t × o_n − n × ot) / (o_n × den), an integer over an integer.
cell AS (
  -- the second pass over evaluation_approved_sums_idx, grouped in its order and streamed into the join below
  SELECT e.category_id, e.entry_id, e.channel, e.shopper_id, sum(e.weighted_points)::bigint AS t, count(*) AS n
  FROM evaluation e
  WHERE e.status = 'APPROVED' AND e.category_id = ANY (ARRAY(SELECT id FROM cat))
  GROUP BY e.category_id, e.entry_id, e.channel, e.shopper_id
),
others AS (
  SELECT cell.shopper_id, cell.n, 20 * (cell.t * (ch.n - cell.n) - cell.n * (ch.t - cell.t)) AS dev_num, (ch.n - cell.n) * ch.den AS dev_den
  FROM cell
  JOIN ch ON ch.entry_id = cell.entry_id AND ch.channel = cell.channel -- an entry is in one category
  WHERE ch.n > cell.n
),
bias AS (
  -- the cells' integer numerators added up per shopper and denominator (a few per shopper: o_n × den takes few
  -- values), so that only those sums are divided, not every cell
  SELECT shopper_id, sum(n) AS evaluations, sum(dev_num::numeric(60, 30) / dev_den) / sum(n) AS mean_deviation
  FROM (SELECT shopper_id, dev_den, sum(n) AS n, sum(dev_num) AS dev_num FROM others GROUP BY shopper_id, dev_den) per_den
  GROUP BY shopper_id
)
SELECT 'category' AS kind, json_build_object(
         'categoryId', cat.id, 'code', cat.code, 'name', cat.name, 'cancelled', cat.status = 'CANCELLED', 'contested', cs.contested,
         'minEntries', cat.min_entries, 'awardThreshold', cat.award_threshold, 'entrants', cs.entrants, 'average', cs.average,
         'statisticalTie', COALESCE(cs.statistical_tie, false),
         'outcome', CASE WHEN cat.status = 'CANCELLED' THEN 'CANCELLED' WHEN COALESCE(pc.has_winner, false) THEN 'WINNER' ELSE 'NO_WINNER' END,
         'rows', CASE WHEN cat.status = 'CANCELLED' THEN '[]'::json ELSE COALESCE(pc.rows, '[]'::json) END) AS data,
       cat.code COLLATE "C" AS sort_key
FROM cat
JOIN cat_stats cs ON cs.category_id = cat.id
LEFT JOIN per_category pc ON pc.category_id = cat.id
UNION ALL
SELECT 'bias', COALESCE(json_agg(json_build_object('shopperId', b.shopper_id, 'name', s.name, 'evaluations', b.evaluations, 'meanDeviation', b.mean_deviation)
                                  ORDER BY b.mean_deviation DESC, b.shopper_id), '[]'),
       ''
FROM bias b JOIN shopper s ON s.user_id = b.shopper_id
ORDER BY kind DESC, sort_key
`;

/** The grids of an edition's categories, one row per criterion. */
export const GRIDS_SQL = `
SELECT c.id AS "categoryId", g.key AS channel, r.key AS "criterionKey", r.weight::text AS weight, r.max::text AS max
FROM category c
CROSS JOIN LATERAL jsonb_each(c.grids) AS g
CROSS JOIN LATERAL jsonb_to_recordset(g.value) AS r(key text, max numeric, weight numeric)
WHERE c.edition_id = $1
ORDER BY c.id, g.key, r.key
`;

/**
 * The inputs digest (v3), hashed in Postgres: SHA-256 of a header text — a version line, the edition, then one
 * line per category ordered by code (quotas, weights, grids as jsonb, whose text form is normalised; min
 * entries, award threshold, status), each line ended by a newline — followed by the 32-byte SHA-256 of each
 * APPROVED evaluation's line, ordered by category id then evaluation id. An evaluation's line is
 * `evaluation <id> <task> <entry> <channel> <shopper> <answers>`, space-separated, the answers being the
 * evaluation's jsonb in its text form (canonical as well: jsonb keeps its keys in one fixed order, by length
 * then bytes, and prints them the same way every time); its hash is kept on the row (inputs_hash, by a trigger:
 * migration 1764830000000-inputs-hash), so the digest reads one index entry per evaluation
 * (evaluation_approved_digest_idx, already in this order) instead of its answers. These answers are what the
 * rankings add up: every sum they read (weighted_points, criterion_tally) is derived from them by the database
 * itself (migration 1764700000000-ranking-sums).
 */
export const DIGEST_SQL = `
SELECT encode(sha256(
  convert_to('palmares-rankings-inputs-v3' || E'\\n' || $1::uuid::text || E'\\n' ||
             COALESCE((SELECT string_agg(jsonb_build_array('category', c.code, c.quotas, c.weights, c.grids, c.min_entries,
                                                           c.award_threshold::text, c.status)::text || E'\\n', '' ORDER BY c.code COLLATE "C")
                       FROM category c WHERE c.edition_id = $1::uuid), ''), 'UTF8') ||
  COALESCE((SELECT string_agg(e.inputs_hash, ''::bytea ORDER BY e.category_id, e.id)
            FROM evaluation e
            WHERE e.status = 'APPROVED' AND e.category_id = ANY (ARRAY(SELECT id FROM category WHERE edition_id = $1::uuid))), ''::bytea)
), 'hex') AS digest
`;
