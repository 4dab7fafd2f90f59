import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of a real server (Postgres in the fault suite) that can be cut and restored.
 * Cut is a partition, not a refusal: connections open or opened meanwhile stay up but nothing crosses
 * them, as when packets are dropped, so only the clients' own timeouts can end a query. Restore drops
 * the connections that lived through the cut (TCP would have given up on them) and forwards again.
 */
export class TcpProxy {
  private readonly pairs = new Set<[Socket, Socket | null]>();
  private cutAt: number | null = null;
  private server!: Server;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target.host, target.port);
    proxy.server = createServer((client) => proxy.accept(client));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get isCut(): boolean {
    return this.cutAt !== null;
  }

  cut(): void {
    this.cutAt ??= Date.now();
    for (const [client, upstream] of this.pairs) {
      if (upstream) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        upstream.pause();
      }
      client.pause();
    }
  }

  restore(): void {
    if (this.cutAt === null) return;
    this.cutAt = null;
    for (const pair of [...this.pairs]) this.drop(pair);
  }

  async close(): Promise<void> {
    for (const pair of [...this.pairs]) this.drop(pair);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    const pair: [Socket, Socket | null] = [client, null];
    this.pairs.add(pair);
    client.on('error', () => this.drop(pair));
    client.on('close', () => this.drop(pair));
    if (this.isCut) {
      client.pause(); // accepted by the kernel, never answered: a connect timeout's job
      return;
    }
    const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
    pair[1] = upstream;
    upstream.on('error', () => this.drop(pair));
    upstream.on('close', () => this.drop(pair));
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private drop(pair: [Socket, Socket | null]): void {
    if (!this.pairs.delete(pair)) return;
    pair[0].destroy();
    pair[1]?.destroy();
  }
}
