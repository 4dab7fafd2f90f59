import { Alert, Button, Stack, Text } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { FormAlert } from '../../forms/FormAlert';
import { NewPasswordInput } from '../../forms/NewPasswordInput';
import { SubmitButton } from '../../forms/SubmitButton';
import { rule } from '../../forms/fields';
import { useApiForm } from '../../forms/useApiForm';
import { checks } from '../../rules/checks';
import { Page } from '../../ui/Page';

const route = getRouteApi('/reset-password');

/** The reset e-mail's single-use link: a new password, then log in with it. */
export function ResetPasswordPage() {
  const intl = useIntl();
  const { token } = route.useSearch();
  const [done, setDone] = useState(false);
  const { form, onSubmit, submitting, formError } = useApiForm({
    initialValues: { password: '' },
    validate: { password: rule(intl, checks.password) },
    submit: async ({ password }) => {
      await unwrap(api.POST('/api/auth/password-reset/confirm', { body: { token: token ?? '', password } }));
      setDone(true);
    },
  });
  if (!token) {
    return (
      <Page title="reset.title">
        <Alert color="red" role="alert">
          <FormattedMessage id="reset.noToken" />
        </Alert>
      </Page>
    );
  }
  return (
    <Page title="reset.title">
      {done ? (
        <Stack>
          <Text role="status">
            <FormattedMessage id="reset.done" />
          </Text>
          <Button component={Link} to="/login" w="fit-content">
            <FormattedMessage id="nav.login" />
          </Button>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack maw={420}>
            <FormAlert message={formError} />
            <NewPasswordInput label="field.newPassword" {...form.getInputProps('password')} />
            <SubmitButton label="reset.submit" submitting={submitting} />
          </Stack>
        </form>
      )}
    </Page>
  );
}
