import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../api/errors';
import { PageLoader } from './PageLoader';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
}

/** A query's three states in one place: loading, the API's refusal in its own words, or the data. */
export function QueryState<T>({ query, children }: { query: QueryLike<T>; children: (data: T) => ReactNode }) {
  const intl = useIntl();
  if (query.isPending) return <PageLoader />;
  if (query.error || query.data === undefined) {
    const message = query.error instanceof ApiError ? query.error.message : intl.formatMessage({ id: 'form.unreachable' });
    return (
      <Alert color="red" role="alert">
        {message}
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
