import type { FastifyRequest } from 'fastify';
import type { Locale } from '@app/accounts';

/** French by default; English with `?lang=en`, or when the browser prefers English to French. */
export function pageLocale(request: FastifyRequest): Locale {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (asked === 'en' || asked === 'fr') return asked;
  const header = request.headers['accept-language'] ?? '';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
      return { lang: tag.split('-')[0], q: q ? Number(q[1]) : 1 };
    })
    .filter((r) => r.lang === 'fr' || r.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang === 'en' ? 'en' : 'fr';
}
