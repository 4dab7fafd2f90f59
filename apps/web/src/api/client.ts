import createClient from 'openapi-fetch';
import { authenticatedFetch } from '../auth/session';
import type { paths } from './schema';

/** One client for the whole portal, on the page's own origin; it sends the access token and refreshes it on a 401. */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authenticatedFetch });
