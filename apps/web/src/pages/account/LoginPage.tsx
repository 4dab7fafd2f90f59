import { Anchor, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { homeOf, safeNext } from '../../auth/roles';
import { FormAlert } from '../../forms/FormAlert';
import { SubmitButton } from '../../forms/SubmitButton';
import { rule } from '../../forms/fields';
import { useApiForm } from '../../forms/useApiForm';
import { checks } from '../../rules/checks';
import { Page } from '../../ui/Page';

const route = getRouteApi('/login');

export function LoginPage() {
  const intl = useIntl();
  const { next } = route.useSearch();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const { form, onSubmit, submitting, formError } = useApiForm({
    initialValues: { email: '', password: '' },
    validate: { email: rule(intl, checks.email), password: rule(intl, checks.required) },
    submit: async (body) => {
      const session = await unwrap(api.POST('/api/auth/login', { body }));
      signIn(session);
      const target = safeNext(next);
      await (target ? navigate({ href: target }) : navigate({ to: homeOf(session.user.role) }));
    },
  });
  return (
    <Page title="login.title">
      <form onSubmit={onSubmit} noValidate>
        <Stack maw={420}>
          <FormAlert message={formError} />
          <TextInput label={intl.formatMessage({ id: 'field.email' })} required type="email" autoComplete="username" {...form.getInputProps('email')} />
          <PasswordInput label={intl.formatMessage({ id: 'field.password' })} required autoComplete="current-password" {...form.getInputProps('password')} />
          <SubmitButton label="login.submit" submitting={submitting} />
          <Anchor component={Link} to="/forgot-password" size="sm">
            <FormattedMessage id="login.forgot" />
          </Anchor>
          <Text size="sm">
            <FormattedMessage id="login.noAccount" />{' '}
            <Anchor component={Link} to="/signup">
              <FormattedMessage id="nav.signup" />
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Page>
  );
}
