/**
 * The arrows of docs/architecture.md, enforced by `npm run lint` (depcruise). A lib may import core, itself
 * and the libs before it in the season; the calendar steps sit beside the season; apps are adapters over
 * the libs. Any import not allowed below, and any import circle, fails the lint.
 */

/** The season, in order: each lib may import the ones before it (accounts may use notifications' outbox). */
const SEASON = ['core', 'notifications', 'accounts', 'contest', 'registration', 'billing', 'shoppers', 'evaluations', 'scoring', 'publication'];

/** The calendar steps change entries, credit their invoices and start the test period; no lib imports them. */
const CALENDAR_USES = ['core', 'notifications', 'accounts', 'contest', 'registration', 'billing'];

const lib = (names) => `^libs/(${names.join('|')})/`;

const seasonRules = SEASON.map((name, i) => ({
  from: { path: `^libs/${name}/` },
  to: { path: lib(SEASON.slice(0, i + 1)) },
}));

module.exports = {
  forbidden: [{ name: 'no-circular', severity: 'error', comment: 'No import circle, inside a lib or between parts.', from: {}, to: { circular: true } }],
  allowed: [
    // Packages and Node built-ins: anything outside the project's own folders.
    { from: {}, to: { pathNot: '^(apps|libs|test|scripts)/' } },
    ...seasonRules,
    { from: { path: '^libs/calendar/' }, to: { path: lib(['calendar', ...CALENDAR_USES]) } },
    // The simulated clients of the platform (season, demo, benchmarks, tests) may read any lib's types and rules.
    { from: { path: '^libs/simulation/' }, to: { path: '^libs/' } },
    // The adapters: each app its own files and the domain libs; only the harnesses use the simulation.
    { from: { path: '^apps/(api|worker|cli)/' }, to: { path: ['^apps/$1/', '^libs/(?!simulation/)'] } },
    { from: { path: '^apps/(demo|bench)/' }, to: { path: ['^apps/$1/', '^libs/'] } },
    // The portal: its own files, and the libs' plain rule modules (no decorators, no Node) it checks forms with.
    { from: { path: '^apps/web/' }, to: { path: ['^apps/web/', '^libs/[a-z]+/src/[a-z-]+-rules\\.ts$'] } },
    // The assignment benchmark drives the worker's sector consumers in process.
    { from: { path: '^apps/bench/' }, to: { path: '^apps/worker/src/shoppers/' } },
    { from: { path: '^(test|scripts)/' }, to: { path: '^(apps|libs|test|scripts)/' } },
  ],
  allowedSeverity: 'error',
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
