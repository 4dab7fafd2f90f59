// The registry this project installs from lacks some platform builds of optional native packages
// (macOS, Windows, wasm...). `npm install` then leaves them out of package-lock.json and `npm ci`
// refuses the lock as "out of sync". This adds each missing optional package to the lock with the
// os/cpu its name declares, so `npm ci` skips it on other platforms. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const platform = (name) => {
  const os = ['darwin', 'win32', 'linux', 'freebsd', 'android', 'openharmony', 'sunos', 'netbsd', 'openbsd', 'aix'].find(
    (o) => name.includes(`-${o}-`) || name.endsWith(`-${o}`),
  );
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 'riscv64', 's390x', 'loong64', 'wasm32'].find((c) => name.includes(`-${c}`));
  return { ...(os ? { os: [os] } : {}), ...(cpu && cpu !== 'wasm32' ? { cpu: [cpu] } : {}), ...(cpu === 'wasm32' ? { cpu: ['wasm32'] } : {}) };
};
let added = 0;
for (const [path, node] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(node.optionalDependencies ?? {})) {
    const parent = path === '' ? '' : `${path}/`;
    if (lock.packages[`${parent}node_modules/${name}`] || lock.packages[`node_modules/${name}`]) continue;
    lock.packages[`node_modules/${name}`] = { version, ...(node.dev ? { dev: true } : {}), optional: true, ...platform(name) };
    added++;
  }
}
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} missing optional package(s) to package-lock.json`);
