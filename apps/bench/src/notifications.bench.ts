import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawn } from 'node:child_process';
import { createTransport } from 'nodemailer';
import { Pool } from 'pg';
import { AppConfig, CoreModule, SMTP_POOL } from '@app/core';
import { NOTIFICATIONS_CONCURRENCY, renderEmail } from '@app/notifications';
import { PublicationModule, PublicationService } from '@app/publication';
import { inParallel } from '@app/simulation';
import { benchPool, openBenchEnvironment } from './bench-environment';
import { cpuMs, ownCpuMs, waitForLine } from './processes';

/**
 * `npm run bench:notifications`: an edition's results published to 10,000 entrants (40 categories × 250
 * entries, one user each, a fifth of them in English) by `PublicationService.publish`, which writes the
 * outcome e-mails into the outbox in its transaction and queues them after commit; a real worker process
 * (dist/apps/worker/main.js, its outbox relay running) sends them to the run's SMTP sink. Timed from the
 * publication's start to the last row SENT. Then, in the same run and to the same sink, raw nodemailer sends
 * the same rendered messages (pooled as the worker's transport, as many in flight as its concurrency): the ceiling.
 * The sink counts each message by its Message-ID (lost / doubled), and so do the rows' statuses.
 * `BENCH_ENTRANTS` changes the scale; `BENCH_PROFILE=1` writes the worker's CPU profile to /tmp/prof.
 */
const ENTRANTS = Number(process.env.BENCH_ENTRANTS ?? 10_000);
const CATEGORIES = 40;

@Module({ imports: [CoreModule, PublicationModule] })
class PublicationBenchModule {}

export async function benchNotifications(): Promise<void> {
  const environment = await openBenchEnvironment();
  const { databaseUrl, queuePrefix, smtpUrl, received } = environment;
  const env = { ...process.env, DATABASE_URL: databaseUrl, QUEUE_PREFIX: queuePrefix, SMTP_URL: smtpUrl, LOG_LEVEL: 'info', WORKER_SECTORS: '' };
  Object.assign(process.env, { ...env, LOG_LEVEL: 'warn' });
  const pool = benchPool(databaseUrl, 2);
  const worker = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), 'dist/apps/worker/main.js'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const app = await NestFactory.createApplicationContext(PublicationBenchModule, { logger: ['error', 'warn'] });
  try {
    let t = performance.now();
    const { editionId, juryId } = await seed(pool);
    console.log(`seeded ${ENTRANTS} entrants in ${CATEGORIES} categories in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await waitForLine(worker, 'Worker started', 30_000);
    // Its warnings (a failed attempt and why) are worth seeing next to the figures; the rest of its log is not.
    worker.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (/"level":(40|50)/.test(line)) console.log(`  worker: ${line.slice(0, 300)}`);
    });
    const hostname = new URL(app.get(AppConfig).PUBLIC_URL).hostname;

    const cpuBefore = { worker: cpuMs(worker.pid!), bench: ownCpuMs() };
    t = performance.now();
    const published = await app.get(PublicationService).publish(editionId, { id: juryId, role: 'JURY', companyId: null });
    const writtenMs = performance.now() - t;
    const statuses = async () =>
      Object.fromEntries(
        ((await pool.query(`SELECT status, count(*)::int AS n FROM notification GROUP BY status`)).rows as { status: string; n: number }[]).map((r) => [
          r.status,
          r.n,
        ]),
      ) as Record<string, number>;
    for (let last = Date.now(); (await statuses()).SENT !== published.notifications;) {
      if (performance.now() - t > 10 * 60_000) throw new Error(`stuck: ${JSON.stringify(await statuses())}`);
      if (Date.now() - last > 10_000) console.log(`  … ${JSON.stringify(await statuses())} after ${((performance.now() - t) / 1000).toFixed(0)} s`);
      if (Date.now() - last > 10_000) last = Date.now();
      await new Promise((r) => setTimeout(r, 100));
    }
    const pipelineMs = performance.now() - t;
    const pipelineCpu = { worker: cpuMs(worker.pid!) - cpuBefore.worker, sink: ownCpuMs() - cpuBefore.bench };

    // The ceiling: the same messages, rendered beforehand, straight to the same sink.
    const rows = (await pool.query(`SELECT id, template, recipient, locale, data FROM notification ORDER BY created_at`)).rows as {
      id: string;
      template: string;
      recipient: string;
      locale: 'fr' | 'en';
      data: Record<string, unknown>;
    }[];
    const messages = rows.map((n) => ({ to: n.recipient, messageId: `<raw-${n.id}@${hostname}>`, ...renderEmail(n.template, n.locale, n.data) }));
    const transport = createTransport({ url: smtpUrl, ...SMTP_POOL });
    const rawCpuBefore = ownCpuMs();
    t = performance.now();
    await inParallel(messages, NOTIFICATIONS_CONCURRENCY, async (m) => void (await transport.sendMail({ from: 'Palmares <bench@palmares.local>', ...m })));
    const rawMs = performance.now() - t;
    const rawCpu = ownCpuMs() - rawCpuBefore;
    transport.close();

    const counts = (prefix: string) => {
      const per = rows.map((n) => received.get(`<${prefix}${n.id}@${hostname}>`) ?? 0);
      return { lost: per.filter((c) => c === 0).length, doubled: per.filter((c) => c > 1).length };
    };
    const pipeline = counts('');
    const raw = counts('raw-');
    const final = await statuses();
    const retried = (await pool.query(`SELECT count(*)::int AS n FROM notification WHERE attempts > 1`)).rows[0].n as number;
    const rate = (ms: number) => (rows.length * 1000) / ms;
    console.log('');
    console.log(`outcome e-mails: ${rows.length} (publication wrote ${published.notifications} in ${(writtenMs / 1000).toFixed(2)} s, one transaction)`);
    console.log(
      `outbox → queue → worker process → SMTP: ${(pipelineMs / 1000).toFixed(1)} s, ${rate(pipelineMs).toFixed(0)} e-mails/s (worker concurrency ${NOTIFICATIONS_CONCURRENCY})`,
    );
    console.log(
      `raw nodemailer, pooled as the worker's (${SMTP_POOL.maxConnections} connections), ${NOTIFICATIONS_CONCURRENCY} in flight: ${(rawMs / 1000).toFixed(1)} s, ${rate(rawMs).toFixed(0)} e-mails/s`,
    );
    const perMail = (ms: number) => (ms / rows.length).toFixed(2);
    console.log(
      `CPU per e-mail: worker ${perMail(pipelineCpu.worker)} ms (+ bench process, sink and publication: ${perMail(pipelineCpu.sink)} ms); raw sender + sink ${perMail(rawCpu)} ms`,
    );
    console.log(`pipeline / raw: ${(rawMs / pipelineMs).toFixed(2)} (target ≥ 0.50)`);
    console.log(
      `sink: pipeline lost ${pipeline.lost}, doubled ${pipeline.doubled}; raw lost ${raw.lost}, doubled ${raw.doubled} (target 0); rows ${JSON.stringify(final)}, retried ${retried} (the worker's warnings above say why)`,
    );
  } finally {
    await app.close();
    if (worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker.once('exit', r));
    }
    await pool.end();
    await environment.close();
  }
}

/**
 * An edition whose results are frozen and may be published: categories without a licence fee (so no winner's
 * invoice PDF is attached, and both sides send the same plain messages), companies with one user each, entries
 * IN_TEST, and version 1 of the figures ranking every entry of its category.
 */
async function seed(pool: Pool): Promise<{ editionId: string; juryId: string }> {
  const day = 86_400_000;
  const now = Date.now();
  const {
    rows: [edition],
  } = await pool.query(
    `INSERT INTO edition (year, name, timezone, status, registration_opens_at, registration_deadline, payment_due_at, test_period_start, test_period_end, results_publish_at)
     VALUES (2031, 'Élu Service Client 2031 (bench)', 'Europe/Paris', 'SCORING', $1, $2, $2, $3, $4, $5) RETURNING id`,
    [new Date(now - 200 * day), new Date(now - 150 * day), new Date(now - 120 * day), new Date(now - 30 * day), new Date(now - day)],
  );
  const codes = Array.from({ length: CATEGORIES }, (_, i) => `sector-${String(i + 1).padStart(2, '0')}`);
  await pool.query(
    `INSERT INTO category (edition_id, code, name, entry_fee_cents, licence_fee_cents, quotas, weights, grids, scenarios)
     SELECT $1, code, 'Secteur ' || code, 1368000, 0, '{"PHONE":125}', '{"PHONE":100}', '{}', '[]' FROM unnest($2::text[]) AS code`,
    [edition.id, codes],
  );
  await pool.query(
    `INSERT INTO company (legal_name, siren, country, billing_address)
     SELECT 'Entreprise ' || i, lpad(i::text, 9, '0'), 'FR', '1 rue de la Paix, Paris' FROM generate_series(1, $1) AS i`,
    [ENTRANTS],
  );
  await pool.query(
    `INSERT INTO app_user (email, password_hash, role, company_id, locale, email_confirmed_at)
     SELECT 'contact@co' || ltrim(c.siren, '0') || '.test', 'x', 'COMPANY', c.id, CASE WHEN c.siren::int % 5 = 0 THEN 'en' ELSE 'fr' END, now() FROM company c`,
  );
  const entries = (
    await pool.query(
      `INSERT INTO entry (edition_id, category_id, company_id, status, contact_points, confirmed_at)
       SELECT $1, cat.id, c.id, 'IN_TEST', '{"PHONE":["+33 1 00 00 00 01"]}', now()
         FROM (SELECT id, row_number() OVER (ORDER BY siren) - 1 AS n FROM company) c
         JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM category) cat ON cat.k = c.n % ${CATEGORIES}
       RETURNING id, category_id, company_id`,
      [edition.id],
    )
  ).rows as { id: string; category_id: string; company_id: string }[];
  const categories = (await pool.query(`SELECT id, code, name FROM category ORDER BY code`)).rows as { id: string; code: string; name: string }[];
  const figures = {
    editionId: edition.id,
    categories: categories.map((c) => {
      const own = entries.filter((e) => e.category_id === c.id);
      return {
        categoryId: c.id,
        code: c.code,
        name: c.name,
        cancelled: false,
        contested: true,
        minEntries: 3,
        awardThreshold: 14,
        entrants: own.length,
        average: 13,
        statisticalTie: false,
        outcome: 'WINNER',
        rows: own.map((e, i) => ({
          entryId: e.id,
          companyId: e.company_id,
          companyName: `Entreprise ${e.company_id.slice(0, 8)}`,
          rank: i + 1,
          score: 18 - (i * 8) / own.length,
          marginOfError: 0.4,
          eligible: true,
          insufficientChannels: [],
          winner: i === 0,
          approvedCount: 125,
          stdDev: 1.2,
          channelScores: { PHONE: 18 - (i * 8) / own.length },
          criterionScores: {},
        })),
      };
    }),
  };
  const {
    rows: [jury],
  } = await pool.query(
    `INSERT INTO app_user (email, password_hash, role, email_confirmed_at) VALUES ('bench-jury@palmares.local', 'x', 'JURY', now()) RETURNING id`,
  );
  await pool.query(`INSERT INTO results_version (edition_id, version, digest, figures, frozen_by) VALUES ($1, 1, $2, $3, $4)`, [
    edition.id,
    'f'.repeat(64),
    JSON.stringify(figures),
    jury.id,
  ]);
  await pool.query('ANALYZE');
  return { editionId: edition.id, juryId: jury.id };
}
