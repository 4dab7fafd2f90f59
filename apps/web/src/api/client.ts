import createClient from 'openapi-fetch';
import { authenticatedFetch } from '../auth/session';
import type { PendingPaths } from './pending';
import type { paths } from './schema';

/** The API's routes: the generated document's, completed by the hand-typed ones it lacks for now. */
export type ApiPaths = Omit<paths, keyof PendingPaths> & PendingPaths;

/** One client for the whole portal, on the page's own origin; it sends the access token and refreshes it on a 401. */
export const api = createClient<ApiPaths>({ baseUrl: window.location.origin, fetch: authenticatedFetch });
