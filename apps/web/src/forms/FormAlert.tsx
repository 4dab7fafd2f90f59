import { Alert } from '@mantine/core';
import { useIntl } from 'react-intl';

/** The form's general message: the API's refusal that names no field, announced to screen readers. */
export function FormAlert({ message }: { message: string | null }) {
  const intl = useIntl();
  if (!message) return null;
  return (
    <Alert color="red" role="alert" title={intl.formatMessage({ id: 'form.refused' })}>
      {message}
    </Alert>
  );
}
