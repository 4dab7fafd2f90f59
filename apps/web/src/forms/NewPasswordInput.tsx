import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useIntl } from 'react-intl';
import type { Message } from '../i18n/message';

/** A password being chosen: the browser may suggest one, and the rule it must meet is shown under it. */
export function NewPasswordInput({ label = 'field.password', ...props }: Omit<PasswordInputProps, 'label'> & { label?: Message }) {
  const intl = useIntl();
  return (
    <PasswordInput
      label={intl.formatMessage({ id: label })}
      description={intl.formatMessage({ id: 'check.password' })}
      required
      autoComplete="new-password"
      {...props}
    />
  );
}
