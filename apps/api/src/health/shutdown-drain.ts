import { Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Whether the API is draining before it stops (health says so, so that a load balancer sends no more). */
@Injectable()
export class ShutdownDrain {
  active = false;
}

/**
 * SIGTERM or SIGINT: for `drainMs` the API goes on accepting and answering requests — those already sent but not
 * yet read are answered instead of reset — while `/health` answers 503 and every answer asks the client to close
 * its keep-alive connection; then it stops accepting and finishes the requests in flight, and the process ends.
 */
export function drainOnSignals(app: NestFastifyApplication, drainMs: number): void {
  const drain = app.get(ShutdownDrain);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (_request, reply) => {
      if (drain.active) void reply.header('connection', 'close');
    });
  const stop = async () => {
    if (drain.active) return;
    drain.active = true;
    await new Promise((resolve) => setTimeout(resolve, drainMs));
    await app.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop());
}
