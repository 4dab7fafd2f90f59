import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scores and publication: every evaluation's answers as rows (what the rankings aggregate, in SQL), and
 * the frozen, versioned results of an edition (a snapshot of every published figure with the digest of
 * its inputs). A published version is never changed: a correction is a new version with its reason.
 */
export class Results1764600000000 implements MigrationInterface {
  name = 'Results1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluation_answer (
        evaluation_id uuid NOT NULL REFERENCES evaluation(id),
        criterion_key text NOT NULL,
        points int NOT NULL CHECK (points >= 0),
        -- the criterion's weight × 10 000 in the grid the evaluation was written against: the rankings then
        -- add up Σ(weight × points) in one pass over these rows, without joining the grids
        weight_units int NOT NULL CHECK (weight_units > 0),
        PRIMARY KEY (evaluation_id, criterion_key)
      )`);
    // The answers are written by the database itself from the evaluation's jsonb, so no code path can forget them.
    await q.query(`
      CREATE FUNCTION evaluation_answers_from_json() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO evaluation_answer (evaluation_id, criterion_key, points, weight_units)
        SELECT NEW.id, a.key, a.value::int, round((g ->> 'weight')::numeric * 10000)::int
        FROM jsonb_each_text(NEW.answers) AS a
        JOIN category c ON c.id = NEW.category_id
        CROSS JOIN LATERAL jsonb_array_elements(c.grids -> NEW.channel) AS g
        WHERE g ->> 'key' = a.key;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER evaluation_answers AFTER INSERT ON evaluation FOR EACH ROW EXECUTE FUNCTION evaluation_answers_from_json()`);
    await q.query(`
      INSERT INTO evaluation_answer (evaluation_id, criterion_key, points, weight_units)
      SELECT e.id, a.key, a.value::int, round((g ->> 'weight')::numeric * 10000)::int
      FROM evaluation e
      CROSS JOIN LATERAL jsonb_each_text(e.answers) AS a
      JOIN category c ON c.id = e.category_id
      CROSS JOIN LATERAL jsonb_array_elements(c.grids -> e.channel) AS g
      WHERE g ->> 'key' = a.key`);
    await q.query(`
      CREATE TABLE results_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES edition(id),
        version int NOT NULL CHECK (version >= 1),
        digest char(64) NOT NULL,
        figures jsonb NOT NULL,
        reason text,
        frozen_by uuid REFERENCES app_user(id),
        frozen_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES app_user(id),
        published_at timestamptz,
        CONSTRAINT results_version_per_edition UNIQUE (edition_id, version),
        CONSTRAINT results_correction_has_reason CHECK (version = 1 OR reason IS NOT NULL)
      )`);
    // What was published stays as published.
    await q.query(`
      CREATE FUNCTION results_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.published_at IS NOT NULL THEN
          RAISE EXCEPTION 'results version % of edition % is published and cannot be deleted', OLD.version, OLD.edition_id;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.published_at IS NOT NULL THEN
          RAISE EXCEPTION 'results version % of edition % is published and cannot be changed; publish a correction', OLD.version, OLD.edition_id;
        END IF;
        IF TG_OP = 'UPDATE' AND (NEW.figures IS DISTINCT FROM OLD.figures OR NEW.digest IS DISTINCT FROM OLD.digest) THEN
          RAISE EXCEPTION 'frozen results cannot be changed; freeze a new version';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await q.query(`CREATE TRIGGER results_version_guard BEFORE UPDATE OR DELETE ON results_version FOR EACH ROW EXECUTE FUNCTION results_version_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE results_version`);
    await q.query(`DROP FUNCTION results_version_guard`);
    await q.query(`DROP TABLE evaluation_answer`);
    await q.query(`DROP FUNCTION evaluation_answers_from_json`);
  }
}
