import { Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { FormAlert } from '../../forms/FormAlert';
import { NewPasswordInput } from '../../forms/NewPasswordInput';
import { SubmitButton } from '../../forms/SubmitButton';
import { rule } from '../../forms/fields';
import { useApiForm } from '../../forms/useApiForm';
import { checks } from '../../rules/checks';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Page } from '../../ui/Page';

function ChangePassword() {
  const intl = useIntl();
  const { form, onSubmit, submitting, formError } = useApiForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: { currentPassword: rule(intl, checks.required), newPassword: rule(intl, checks.password) },
    aliases: { currentPassword: /current password/i },
    submit: async (body) => {
      await unwrap(api.POST('/api/me/password', { body }));
      form.reset();
      notifications.show({ message: intl.formatMessage({ id: 'account.passwordChanged' }), color: 'green' });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={420}>
        <FormAlert message={formError} />
        <PasswordInput
          label={intl.formatMessage({ id: 'field.currentPassword' })}
          required
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <NewPasswordInput label="field.newPassword" {...form.getInputProps('newPassword')} />
        <SubmitButton label="account.changePassword" submitting={submitting} w="fit-content" />
      </Stack>
    </form>
  );
}

/** The signed-in user's own settings: password and language (which their e-mails follow too). */
export function AccountPage() {
  const { user } = useAuth();
  return (
    <Page title="account.title">
      <Text>
        <FormattedMessage id="account.signedInAs" values={{ email: <strong>{user?.email}</strong> }} />
      </Text>
      <Card withBorder component="section" aria-labelledby="language-heading">
        <Title order={2} id="language-heading" mb="sm">
          <FormattedMessage id="account.language" />
        </Title>
        <Text size="sm" mb="sm">
          <FormattedMessage id="account.languageHelp" />
        </Text>
        <LanguageSwitch />
      </Card>
      <Card withBorder component="section" aria-labelledby="password-heading">
        <Title order={2} id="password-heading" mb="sm">
          <FormattedMessage id="account.changePassword" />
        </Title>
        <ChangePassword />
      </Card>
    </Page>
  );
}
