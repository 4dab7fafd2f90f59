import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

/**
 * The ceilings of a page benchmark, a bare Fastify in a process of its own (as the API under test is) answering a
 * folder's files two ways (a `.gz` beside a file is sent to a client that accepts gzip): under `/static/` as a static
 * file server does (@fastify/static, the file read at each request), and under `/memory/` from memory, read once at
 * start, as the platform answers a cached page — the most this machine can do for the same bytes.
 */
export async function serveStaticCeiling(root: string, port: number): Promise<void> {
  const app = Fastify();
  await app.register(fastifyStatic, { root, prefix: '/static/', preCompressed: true });
  const names = readdirSync(root);
  for (const name of names.filter((n) => !n.endsWith('.gz'))) {
    const plain = readFileSync(join(root, name));
    const gzip = names.includes(`${name}.gz`) ? readFileSync(join(root, `${name}.gz`)) : null;
    const type = name.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream';
    app.get(`/memory/${name}`, (request, reply) => {
      void reply.type(type).header('vary', 'accept-encoding');
      if (gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(gzip);
      return reply.send(plain);
    });
  }
  await app.listen({ port, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
