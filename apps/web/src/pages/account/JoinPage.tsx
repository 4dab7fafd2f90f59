import { Alert, Stack, Text } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { FormAlert } from '../../forms/FormAlert';
import { NewPasswordInput } from '../../forms/NewPasswordInput';
import { SubmitButton } from '../../forms/SubmitButton';
import { rule } from '../../forms/fields';
import { useApiForm } from '../../forms/useApiForm';
import { useLocale } from '../../i18n/I18nProvider';
import { checks } from '../../rules/checks';
import { Page } from '../../ui/Page';

const route = getRouteApi('/join');

/** A colleague's invitation link: choose a password and arrive signed in among the company's entries. */
export function JoinPage() {
  const intl = useIntl();
  const { token } = route.useSearch();
  const { signIn } = useAuth();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { form, onSubmit, submitting, formError } = useApiForm({
    initialValues: { password: '' },
    validate: { password: rule(intl, checks.password) },
    submit: async ({ password }) => {
      signIn(await unwrap(api.POST('/api/companies/invitations/accept', { body: { token: token ?? '', password, locale } })));
      await navigate({ to: '/entries' });
    },
  });
  return (
    <Page title="join.title">
      {token ? (
        <form onSubmit={onSubmit} noValidate>
          <Stack maw={420}>
            <Text>
              <FormattedMessage id="join.intro" />
            </Text>
            <FormAlert message={formError} />
            <NewPasswordInput {...form.getInputProps('password')} />
            <SubmitButton label="join.submit" submitting={submitting} />
          </Stack>
        </form>
      ) : (
        <Alert color="red" role="alert">
          <FormattedMessage id="join.noToken" />
        </Alert>
      )}
    </Page>
  );
}
