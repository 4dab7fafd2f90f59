import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ArgumentsHost, Catch, type ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import type {} from '@fastify/static'; // types reply.sendFile
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpExceptionFilter } from '../http/http-exception.filter';

/** Hashed build files never change under their name; everything else (index.html first) is revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Paths that are never the portal's: the API, its docs, the queue dashboard, health, and the pages rendered on the server. */
const NOT_THE_PORTAL = /^\/(api|docs|docs-json|queues|health|winners|verify|methodology|checkout)(\/|\?|$)/;

/**
 * Serves the built portal (`apps/web/dist`) at `/`: hashed `/assets/*` cached for a year, the rest revalidated.
 * Nothing is served when the portal is not built (an API-only deployment).
 */
export async function servePortal(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  const root = resolve(distDir);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false, // one route per built file: any other path reaches Nest (and the fallback below)
    index: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.startsWith(resolve(root, 'assets')) ? IMMUTABLE : REVALIDATE);
    },
  });
  app.useGlobalFilters(new PortalFallbackFilter()); // checked before the JSON filter registered earlier
  return true;
}

/**
 * The SPA fallback: a GET for an unknown path that accepts HTML, outside the API and the server's own pages,
 * gets the portal's index.html (its router draws the page, or its own "not found"). Any other 404 keeps the
 * API's JSON error.
 */
@Catch(NotFoundException)
export class PortalFallbackFilter implements ExceptionFilter {
  private readonly json = new HttpExceptionFilter();

  catch(exception: NotFoundException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (request.method === 'GET' && !NOT_THE_PORTAL.test(request.url) && (request.headers.accept ?? '').includes('text/html')) {
      void reply.header('cache-control', REVALIDATE).sendFile('index.html');
      return;
    }
    this.json.catch(exception, host);
  }
}
