import 'reflect-metadata';
import { benchAssignment } from './assignment.bench';
import { benchRankings } from './rankings.bench';
import { benchRegistration } from './registration.bench';
import { serveStaticCeiling } from './static-ceiling';
import { benchWeb } from './web.bench';

/** `node dist/apps/bench/main.js <name>`: one benchmark per name; each prints its figures. */
const BENCHMARKS: Record<string, () => Promise<void>> = {
  registration: benchRegistration,
  assignment: benchAssignment,
  rankings: benchRankings,
  web: benchWeb,
};

/** Servers a benchmark starts in a process of their own: `node dist/apps/bench/main.js <name> <args…>`. */
const SERVERS: Record<string, (...args: string[]) => Promise<void>> = {
  'static-ceiling': (root, port) => serveStaticCeiling(root, Number(port)),
};

const name = process.argv[2] ?? '';
const bench = SERVERS[name] ? () => SERVERS[name](...process.argv.slice(3)) : BENCHMARKS[name];
if (!bench) {
  console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
bench().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
