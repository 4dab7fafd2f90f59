import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import {
  ApiClient,
  checkOptions,
  checkSeason,
  DEMO_SEASON,
  MailpitInbox,
  palmaresTable,
  runSeason,
  SmtpInbox,
  type Phase,
  type SeasonInbox,
  type SeasonOptions,
  type SeasonProgress,
} from '@app/simulation';
import { isHealthy, PlatformProcesses } from './platform-processes';

const USAGE = `Usage: npm run demo -- [--companies 40] [--shoppers 60] [--sectors 5] [--seed 2027] [--exit]
Plays a whole demonstration season through the public API of the platform at DEMO_API_URL (default
http://127.0.0.1:$PORT, PORT=3000), starting the API and the worker itself when none answers there.`;

/**
 * `npm run demo`: the platform's main job, shown end to end in a few minutes (see libs/simulation). Uses the
 * running platform when one answers (its e-mails read from Mailpit), else starts its own (API, worker, an
 * SMTP server of its own saving every e-mail as a file) and keeps it up at the end for a look around.
 */
async function main(): Promise<void> {
  try {
    process.loadEnvFile('.env');
  } catch {
    // no .env: the defaults of .env.example apply
  }
  const { values } = parseOptions({
    options: {
      companies: { type: 'string' },
      shoppers: { type: 'string' },
      sectors: { type: 'string' },
      seed: { type: 'string' },
      exit: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const options: SeasonOptions = {
    ...DEMO_SEASON,
    companies: Number(values.companies ?? DEMO_SEASON.companies),
    shoppers: Number(values.shoppers ?? DEMO_SEASON.shoppers),
    sectors: Number(values.sectors ?? DEMO_SEASON.sectors),
    seed: Number(values.seed ?? DEMO_SEASON.seed),
  };
  const problems = checkOptions(options);
  if (problems.length > 0) throw new UsageError(`${problems.join('\n')}\n\n${USAGE}`);

  const apiUrl = (process.env.DEMO_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
  const outDir = resolve('var/demo', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(outDir, { recursive: true });
  const jury = { email: process.env.DEMO_JURY_EMAIL ?? 'jury@palmares.demo', password: process.env.DEMO_JURY_PASSWORD ?? 'Demo-jury-2027' };

  let inbox: SeasonInbox;
  let own: { platform: PlatformProcesses; smtp: SmtpInbox } | null = null;
  let webhookSecret = process.env.STRIPE_WEBHOOK_SECRET || null;
  let env: NodeJS.ProcessEnv = process.env;
  if (await isHealthy(apiUrl)) {
    const mailpitUrl = process.env.DEMO_MAILPIT_URL ?? 'http://127.0.0.1:8025';
    if (!(await MailpitInbox.reachable(mailpitUrl)))
      throw new UsageError(
        `The platform answers at ${apiUrl}, but its e-mails cannot be read (no Mailpit at ${mailpitUrl}, DEMO_MAILPIT_URL).\n` +
          'Start Mailpit (docker compose up -d mailpit) with the platform sending to it, or stop the platform and let the demo start its own.',
      );
    inbox = new MailpitInbox(mailpitUrl);
    console.log(`Using the platform running at ${apiUrl}; e-mails read from ${inbox.location}`);
    if (!webhookSecret) console.warn('STRIPE_WEBHOOK_SECRET is not set here: the companies pay by bank transfer instead of card.');
  } else {
    const smtp = await SmtpInbox.start({ saveTo: resolve(outDir, 'mail') });
    webhookSecret ??= `whsec_demo_${randomBytes(16).toString('hex')}`;
    const port = new URL(apiUrl).port || '3000';
    // Every company of the cast signs up from this machine: the per-address limit of e-mail routes is lifted.
    env = {
      ...process.env,
      NODE_ENV: 'development',
      PORT: port,
      SMTP_URL: smtp.url,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      LOG_LEVEL: 'info',
      EMAIL_ROUTE_LIMIT_PER_HOUR: '100000',
    };
    console.log(`No platform at ${apiUrl}: starting the API and the worker (logs in ${outDir})`);
    own = { platform: await PlatformProcesses.start(apiUrl, env, outDir), smtp };
    inbox = smtp;
  }
  const stopOwn = async () => {
    await own?.platform.stop();
    await own?.smtp.close();
  };

  try {
    const client = new ApiClient(apiUrl);
    await ensureJury(client, jury, env);
    const bars = new ProgressBars();
    const started = Date.now();
    const result = await runSeason({ client, inbox, jury, webhookSecret, progress: bars, reportsDir: resolve(outDir, 'reports') }, options).finally(() =>
      bars.stop(),
    );
    const checks = checkSeason(result, client.serverErrors);

    console.log(`\nPalmarès — ${result.edition.name}, edition ${result.edition.year} (seed ${options.seed})\n`);
    console.log(palmaresTable(result));
    const c = result.counts;
    console.log(
      `\n${result.entries.length} companies, ${result.cast.shoppers.length} shoppers; ${c.submitted} evaluations submitted, ${c.approved} approved, ${c.rejected} rejected and redone, ${c.missed} missed by their shopper; ${c.expired} tasks expired in all (with those still open when the period ended), ${c.replacements} replacement tasks; inputs digest ${result.digest.slice(0, 16)}…`,
    );
    console.log(`Season played in ${formatDuration(Date.now() - started)}.\n`);
    for (const check of checks) console.log(`${check.ok ? '✓' : '✗'} ${check.name}${check.ok ? '' : `: ${check.detail}`}`);
    console.log(`\nE-mails:        ${inbox.location}`);
    console.log(`Reports (PDF):  ${resolve(outDir, 'reports')}`);
    console.log(`Winners (JSON): ${apiUrl}/api/editions/${result.edition.id}/winners`);
    console.log(`Queues:         ${apiUrl}/queues (jury e-mail and password: ${jury.email} / ${jury.password})`);
    console.log(`API docs:       ${apiUrl}/docs`);
    if (checks.some((check) => !check.ok)) process.exitCode = 1;

    if (own && !values.exit && process.stdout.isTTY && !process.env.CI) {
      console.log('\nThe platform started for the demonstration keeps running so you can look around; Ctrl-C stops it.');
      await new Promise<void>((done) => process.once('SIGINT', () => done()));
    }
  } finally {
    await stopOwn();
  }
}

/** The demonstration's jury account: logs in, or is made with the operator command (`jury:create`) the first time. */
async function ensureJury(client: ApiClient, jury: { email: string; password: string }, env: NodeJS.ProcessEnv): Promise<void> {
  if ((await client.post('/api/auth/login', jury)).status === 200) return;
  PlatformProcesses.runCli(['jury:create', '--email', jury.email, '--password', jury.password, '--name', 'Jury de démonstration'], env);
  const login = await client.post('/api/auth/login', jury);
  if (login.status !== 200)
    throw new UsageError(`cannot log in as the demonstration jury ${jury.email} (${login.status}): set DEMO_JURY_EMAIL and DEMO_JURY_PASSWORD`);
}

/** One progress bar per phase (cli-progress); without a terminal, one line per phase as it ends. */
class ProgressBars implements SeasonProgress {
  private readonly multi = new MultiBar(
    { format: ' {bar} {phase} | {value}/{total}', barsize: 28, hideCursor: true, clearOnComplete: false, noTTYOutput: false, autopadding: true },
    Presets.shades_classic,
  );
  private readonly bars = new Map<Phase, SingleBar>();
  private readonly began = new Map<Phase, number>();

  start(phase: Phase, total: number): void {
    this.began.set(phase, Date.now());
    if (process.stdout.isTTY) this.bars.set(phase, this.multi.create(total, 0, { phase: phase.padEnd(42) }));
  }

  update(phase: Phase, done: number, total?: number): void {
    const bar = this.bars.get(phase);
    if (total !== undefined) bar?.setTotal(total);
    bar?.update(Math.min(done, total ?? bar.getTotal()));
  }

  finish(phase: Phase): void {
    const bar = this.bars.get(phase);
    bar?.update(bar.getTotal());
    if (!process.stdout.isTTY) console.log(`✓ ${phase} (${formatDuration(Date.now() - (this.began.get(phase) ?? Date.now()))})`);
  }

  log(line: string): void {
    if (process.stdout.isTTY) this.multi.log(`${line}\n`);
    else console.log(line);
  }

  stop(): void {
    this.multi.stop();
  }
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

class UsageError extends Error {}

/** parseArgs, with an unknown or malformed option reported as a usage error rather than a stack trace. */
function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : error);
  process.exit(1);
});
