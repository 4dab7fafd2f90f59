import { Button, type ButtonProps } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { Message } from '../i18n/message';

/** A form's submit button, busy while the request runs so that it is not sent twice. */
export function SubmitButton({ label, submitting, ...props }: ButtonProps & { label: Message; submitting: boolean }) {
  return (
    <Button type="submit" loading={submitting} {...props}>
      <FormattedMessage id={label} />
    </Button>
  );
}
