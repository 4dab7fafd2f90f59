import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sums the rankings need, kept by the database as evaluations arrive and are reviewed, so that ranking an
 * edition reads one row per evaluation and one per entry, channel and criterion instead of every answer:
 * - `evaluation.weighted_points` = Σ(weight × 10 000 × points) of the evaluation's answers, set on insert;
 * - `criterion_tally`: per entry, channel and criterion, Σ points and the count of answers of the APPROVED
 *   evaluations, added to when an evaluation becomes APPROVED and taken from when it stops being one;
 * - `evaluation_approved_sums_idx`: the approved evaluations in the order the rankings group them.
 * Both sums follow the rule `evaluation_answer` is written by (an answer counts if its key is in the
 * category's grid for the evaluation's channel, with that criterion's weight × 10 000, rounded), stated once
 * in `evaluation_weighted_answers()`, which the triggers (evaluation_answer's included), the back-fills and
 * the rankings benchmark share. Answers do not change after submit; should a row be corrected by hand, both
 * sums follow it anyway (the triggers also fire on a change of answers, channel, category or entry).
 */
export class RankingSums1764700000000 implements MigrationInterface {
  name = 'RankingSums1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION evaluation_weighted_answers(category_id uuid, channel text, answers jsonb)
      RETURNS TABLE (criterion_key text, points int, weight_units int) LANGUAGE sql STABLE AS $$
        SELECT a.key, a.value::int, round((g ->> 'weight')::numeric * 10000)::int
        FROM jsonb_each_text(evaluation_weighted_answers.answers) AS a
        JOIN category c ON c.id = evaluation_weighted_answers.category_id
        CROSS JOIN LATERAL jsonb_array_elements(c.grids -> evaluation_weighted_answers.channel) AS g
        WHERE g ->> 'key' = a.key
      $$`);
    // evaluation_answer's own trigger now reads the rule from there too (same rows as before)
    await q.query(`
      CREATE OR REPLACE FUNCTION evaluation_answers_from_json() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO evaluation_answer (evaluation_id, criterion_key, points, weight_units)
        SELECT NEW.id, w.criterion_key, w.points, w.weight_units
        FROM evaluation_weighted_answers(NEW.category_id, NEW.channel, NEW.answers) AS w;
        RETURN NEW;
      END $$`);

    await q.query(`ALTER TABLE evaluation ADD COLUMN weighted_points bigint`);
    await q.query(`
      UPDATE evaluation e SET weighted_points = (
        SELECT COALESCE(sum(w.weight_units::bigint * w.points), 0) FROM evaluation_weighted_answers(e.category_id, e.channel, e.answers) AS w)`);
    await q.query(`ALTER TABLE evaluation ALTER COLUMN weighted_points SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION evaluation_weighted_points() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.weighted_points := (
          SELECT COALESCE(sum(w.weight_units::bigint * w.points), 0) FROM evaluation_weighted_answers(NEW.category_id, NEW.channel, NEW.answers) AS w);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER evaluation_weighted_points BEFORE INSERT OR UPDATE OF answers, category_id, channel ON evaluation
      FOR EACH ROW EXECUTE FUNCTION evaluation_weighted_points()`);

    await q.query(`
      CREATE TABLE criterion_tally (
        entry_id uuid NOT NULL REFERENCES entry(id),
        channel text NOT NULL,
        criterion_key text NOT NULL,
        points bigint NOT NULL CHECK (points >= 0),
        answers int NOT NULL CHECK (answers >= 0),
        PRIMARY KEY (entry_id, channel, criterion_key)
      )`);
    // An evaluation that stops being APPROVED takes out what it had brought (a tally left with no answers is
    // removed, so the table is always the GROUP BY of the approved answers); one that is APPROVED brings its
    // answers in. Rows are locked in criterion-key order both ways, so concurrent reviews cannot deadlock here.
    await q.query(`
      CREATE FUNCTION criterion_tally_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.status = 'APPROVED' THEN
          PERFORM 1 FROM criterion_tally WHERE entry_id = OLD.entry_id AND channel = OLD.channel ORDER BY criterion_key FOR UPDATE;
          UPDATE criterion_tally t SET points = t.points - w.points, answers = t.answers - 1
          FROM evaluation_weighted_answers(OLD.category_id, OLD.channel, OLD.answers) AS w
          WHERE t.entry_id = OLD.entry_id AND t.channel = OLD.channel AND t.criterion_key = w.criterion_key;
          DELETE FROM criterion_tally WHERE entry_id = OLD.entry_id AND channel = OLD.channel AND answers = 0;
        END IF;
        IF NEW.status = 'APPROVED' THEN
          INSERT INTO criterion_tally AS t (entry_id, channel, criterion_key, points, answers)
          SELECT NEW.entry_id, NEW.channel, w.criterion_key, w.points, 1
          FROM evaluation_weighted_answers(NEW.category_id, NEW.channel, NEW.answers) AS w
          ORDER BY w.criterion_key
          ON CONFLICT (entry_id, channel, criterion_key) DO UPDATE SET points = t.points + EXCLUDED.points, answers = t.answers + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER criterion_tally_insert AFTER INSERT ON evaluation
      FOR EACH ROW WHEN (NEW.status = 'APPROVED') EXECUTE FUNCTION criterion_tally_follow()`);
    await q.query(`
      CREATE TRIGGER criterion_tally_update AFTER UPDATE OF status, answers, entry_id, category_id, channel ON evaluation
      FOR EACH ROW WHEN (OLD.status = 'APPROVED' OR NEW.status = 'APPROVED') EXECUTE FUNCTION criterion_tally_follow()`);
    // Recounts every tally from the approved evaluations: the back-fill here, and for bulk loads that insert
    // evaluations with the per-row trigger switched off (the rankings benchmark). Blocks reviews while it runs.
    await q.query(`
      CREATE FUNCTION criterion_tally_rebuild() RETURNS void LANGUAGE sql AS $$
        LOCK TABLE evaluation IN SHARE MODE;
        DELETE FROM criterion_tally;
        INSERT INTO criterion_tally (entry_id, channel, criterion_key, points, answers)
        SELECT e.entry_id, e.channel, w.criterion_key, sum(w.points), count(*)
        FROM evaluation e
        CROSS JOIN LATERAL evaluation_weighted_answers(e.category_id, e.channel, e.answers) AS w
        WHERE e.status = 'APPROVED'
        GROUP BY e.entry_id, e.channel, w.criterion_key;
      $$`);
    await q.query(`SELECT criterion_tally_rebuild()`);
    // The rankings' one pass over the approved evaluations, in the order they group them: read from the index
    // alone (category, entry, channel, shopper, weighted points), and grouped as it comes, with no sort or hash.
    await q.query(`
      CREATE INDEX evaluation_approved_sums_idx ON evaluation (category_id, entry_id, channel, shopper_id)
      INCLUDE (weighted_points) WHERE status = 'APPROVED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX evaluation_approved_sums_idx`);
    await q.query(`DROP FUNCTION criterion_tally_rebuild`);
    await q.query(`DROP TRIGGER criterion_tally_update ON evaluation`);
    await q.query(`DROP TRIGGER criterion_tally_insert ON evaluation`);
    await q.query(`DROP FUNCTION criterion_tally_follow`);
    await q.query(`DROP TABLE criterion_tally`);
    await q.query(`DROP TRIGGER evaluation_weighted_points ON evaluation`);
    await q.query(`DROP FUNCTION evaluation_weighted_points`);
    await q.query(`ALTER TABLE evaluation DROP COLUMN weighted_points`);
    await q.query(`
      CREATE OR REPLACE FUNCTION evaluation_answers_from_json() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO evaluation_answer (evaluation_id, criterion_key, points, weight_units)
        SELECT NEW.id, a.key, a.value::int, round((g ->> 'weight')::numeric * 10000)::int
        FROM jsonb_each_text(NEW.answers) AS a
        JOIN category c ON c.id = NEW.category_id
        CROSS JOIN LATERAL jsonb_array_elements(c.grids -> NEW.channel) AS g
        WHERE g ->> 'key' = a.key;
        RETURN NEW;
      END $$`);
    await q.query(`DROP FUNCTION evaluation_weighted_answers`);
  }
}
