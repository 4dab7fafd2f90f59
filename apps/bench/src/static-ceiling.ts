import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

/**
 * The ceiling of a page benchmark: a bare Fastify serving a folder's files as they are (a `.gz` beside a file
 * is sent to a client that accepts gzip), in a process of its own, as the API under test is.
 */
export async function serveStaticCeiling(root: string, port: number): Promise<void> {
  const app = Fastify();
  await app.register(fastifyStatic, { root, preCompressed: true });
  await app.listen({ port, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
