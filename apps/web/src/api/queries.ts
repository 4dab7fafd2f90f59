import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';

/** The queries pages share, so that one cache key means one thing everywhere. */
export const queries = {
  editions: () => queryOptions({ queryKey: ['editions'], queryFn: () => unwrap(api.GET('/api/editions')) }),
  edition: (id: string) => queryOptions({ queryKey: ['editions', id], queryFn: () => unwrap(api.GET('/api/editions/{id}', { params: { path: { id } } })) }),
  categories: (editionId: string) =>
    queryOptions({
      queryKey: ['editions', editionId, 'categories'],
      queryFn: () => unwrap(api.GET('/api/editions/{id}/categories', { params: { path: { id: editionId } } })),
    }),
  entries: () => queryOptions({ queryKey: ['entries'], queryFn: () => unwrap(api.GET('/api/entries')) }),
  entry: (id: string) => queryOptions({ queryKey: ['entries', id], queryFn: () => unwrap(api.GET('/api/entries/{id}', { params: { path: { id } } })) }),
  invoices: () => queryOptions({ queryKey: ['invoices'], queryFn: () => unwrap(api.GET('/api/invoices')) }),
  invoice: (id: string) => queryOptions({ queryKey: ['invoices', id], queryFn: () => unwrap(api.GET('/api/invoices/{id}', { params: { path: { id } } })) }),
  report: (entryId: string) =>
    queryOptions({
      queryKey: ['entries', entryId, 'report'],
      queryFn: () => unwrap(api.GET('/api/entries/{id}/report', { params: { path: { id: entryId } } })),
    }),
  licence: (entryId: string) =>
    queryOptions({
      queryKey: ['entries', entryId, 'licence'],
      queryFn: () => unwrap(api.GET('/api/entries/{id}/licence', { params: { path: { id: entryId } } })),
    }),
  colleagues: () => queryOptions({ queryKey: ['colleagues'], queryFn: () => unwrap(api.GET('/api/companies/me/users')) }),
};
