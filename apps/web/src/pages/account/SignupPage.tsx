import { Anchor, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { FormAlert } from '../../forms/FormAlert';
import { NewPasswordInput } from '../../forms/NewPasswordInput';
import { SubmitButton } from '../../forms/SubmitButton';
import { rule } from '../../forms/fields';
import { useApiForm } from '../../forms/useApiForm';
import { useLocale } from '../../i18n/I18nProvider';
import { checks } from '../../rules/checks';
import { Page } from '../../ui/Page';

/** Countries offered first; any ISO 3166-1 code is accepted by the API. */
const COUNTRIES = ['FR', 'BE', 'LU', 'CH', 'DE', 'ES', 'IT', 'NL', 'GB'];

export function SignupPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const countryNames = new Intl.DisplayNames([locale], { type: 'region' });
  const { form, onSubmit, submitting, formError } = useApiForm({
    initialValues: {
      companyName: '',
      country: 'FR',
      siren: '',
      foreignRegistrationNumber: '',
      vatNumber: '',
      billingAddress: '',
      name: '',
      email: '',
      password: '',
    },
    validate: {
      companyName: rule(intl, checks.required),
      siren: (value, values) => (values.country === 'FR' ? rule(intl, checks.siren)(value) : null),
      foreignRegistrationNumber: (value, values) => (values.country !== 'FR' ? rule(intl, checks.required)(value) : null),
      billingAddress: rule(intl, checks.required),
      email: rule(intl, checks.email),
      password: rule(intl, checks.password),
    },
    aliases: { siren: /SIREN/, email: /e-mail/ },
    submit: async ({ siren, foreignRegistrationNumber, vatNumber, name, ...values }) => {
      const french = values.country === 'FR';
      await unwrap(
        api.POST('/api/auth/signup', {
          body: {
            ...values,
            locale,
            ...(french ? { siren: siren.replace(/\s/g, '') } : { foreignRegistrationNumber }),
            ...(vatNumber.trim() ? { vatNumber } : {}),
            ...(name.trim() ? { name } : {}),
          },
        }),
      );
      await navigate({ to: '/signup/check-inbox', search: { email: values.email.trim().toLowerCase() } });
    },
  });
  const french = form.getValues().country === 'FR';
  return (
    <Page title="signup.title">
      <form onSubmit={onSubmit} noValidate>
        <Stack maw={560}>
          <FormAlert message={formError} />
          <TextInput label={intl.formatMessage({ id: 'signup.companyName' })} required autoComplete="organization" {...form.getInputProps('companyName')} />
          <NativeSelect
            label={intl.formatMessage({ id: 'signup.country' })}
            required
            data={COUNTRIES.map((code) => ({ value: code, label: countryNames.of(code) ?? code }))}
            {...form.getInputProps('country')}
          />
          {french ? (
            <TextInput
              label={intl.formatMessage({ id: 'signup.siren' })}
              description={intl.formatMessage({ id: 'signup.sirenHelp' })}
              required
              inputMode="numeric"
              {...form.getInputProps('siren')}
            />
          ) : (
            <TextInput label={intl.formatMessage({ id: 'signup.foreignNumber' })} required {...form.getInputProps('foreignRegistrationNumber')} />
          )}
          <TextInput
            label={intl.formatMessage({ id: 'signup.vatNumber' })}
            description={intl.formatMessage({ id: 'signup.vatHelp' })}
            {...form.getInputProps('vatNumber')}
          />
          <Textarea
            label={intl.formatMessage({ id: 'signup.billingAddress' })}
            required
            autoComplete="street-address"
            autosize
            minRows={2}
            {...form.getInputProps('billingAddress')}
          />
          <TextInput label={intl.formatMessage({ id: 'signup.name' })} autoComplete="name" {...form.getInputProps('name')} />
          <TextInput label={intl.formatMessage({ id: 'field.email' })} required type="email" autoComplete="email" {...form.getInputProps('email')} />
          <NewPasswordInput {...form.getInputProps('password')} />
          <SubmitButton label="signup.submit" submitting={submitting} />
          <Text size="sm">
            <FormattedMessage id="signup.haveAccount" />{' '}
            <Anchor component={Link} to="/login">
              <FormattedMessage id="nav.login" />
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Page>
  );
}
