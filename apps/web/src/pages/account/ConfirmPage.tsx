import { Alert, Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { Page } from '../../ui/Page';
import { PageLoader } from '../../ui/PageLoader';

const route = getRouteApi('/confirm-email');

/** The confirmation e-mail's link: confirms once, then offers to log in. */
export function ConfirmPage() {
  const intl = useIntl();
  const { token } = route.useSearch();
  const confirm = useMutation({ mutationFn: (value: string) => unwrap(api.POST('/api/auth/confirm', { body: { token: value } })) });
  const { mutate } = confirm;
  useEffect(() => {
    if (token) mutate(token);
  }, [token, mutate]);

  const error = !token
    ? intl.formatMessage({ id: 'confirm.noToken' })
    : confirm.error instanceof ApiError
      ? confirm.error.message
      : confirm.error
        ? intl.formatMessage({ id: 'form.unreachable' })
        : null;
  return (
    <Page title="confirm.title">
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : confirm.isSuccess ? (
        <>
          <Text role="status">
            <FormattedMessage id="confirm.done" />
          </Text>
          <Button component={Link} to="/login" w="fit-content">
            <FormattedMessage id="nav.login" />
          </Button>
        </>
      ) : (
        <PageLoader />
      )}
    </Page>
  );
}
