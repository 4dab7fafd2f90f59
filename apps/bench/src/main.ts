import 'reflect-metadata';
import { benchAssignment } from './assignment.bench';
import { benchNotifications } from './notifications.bench';
import { benchRankings } from './rankings.bench';
import { benchRegistration } from './registration.bench';
import { benchStartup } from './startup.bench';
import { benchWeb } from './web.bench';

/** `node dist/apps/bench/main.js <name>`: one benchmark per name; each prints its figures. */
const BENCHMARKS: Record<string, () => Promise<void>> = {
  registration: benchRegistration,
  assignment: benchAssignment,
  rankings: benchRankings,
  notifications: benchNotifications,
  startup: benchStartup,
  web: benchWeb,
};

const name = process.argv[2] ?? '';
const bench = BENCHMARKS[name];
if (!bench) {
  console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
bench().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
