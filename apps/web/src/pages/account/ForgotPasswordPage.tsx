import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { FormAlert } from '../../forms/FormAlert';
import { rule } from '../../forms/fields';
import { useApiForm } from '../../forms/useApiForm';
import { checks } from '../../rules/checks';
import { Page } from '../../ui/Page';

export function ForgotPasswordPage() {
  const intl = useIntl();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, submitting, formError } = useApiForm({
    initialValues: { email: '' },
    validate: { email: rule(intl, checks.email) },
    submit: async (body) => {
      await unwrap(api.POST('/api/auth/password-reset', { body }));
      setSentTo(body.email.trim());
    },
  });
  return (
    <Page title="forgot.title">
      {sentTo ? (
        // The API answers the same whether the address has an account or not, and so does this page.
        <Text role="status">
          <FormattedMessage id="forgot.sent" values={{ email: <strong>{sentTo}</strong> }} />
        </Text>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack maw={420}>
            <Text>
              <FormattedMessage id="forgot.intro" />
            </Text>
            <FormAlert message={formError} />
            <TextInput label={intl.formatMessage({ id: 'field.email' })} required type="email" autoComplete="email" {...form.getInputProps('email')} />
            <Button type="submit" loading={submitting}>
              <FormattedMessage id="forgot.submit" />
            </Button>
          </Stack>
        </form>
      )}
    </Page>
  );
}
