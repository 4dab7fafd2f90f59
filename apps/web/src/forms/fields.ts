import type { IntlShape } from 'react-intl';
import type { Message } from '../i18n/message';

/** Turns an inline check (value → message id or null) into a Mantine validator in the reader's language. */
export const rule =
  (intl: IntlShape, check: (value: string) => Message | null) =>
  (value: unknown): string | null => {
    const id = check(typeof value === 'string' ? value : '');
    return id ? intl.formatMessage({ id }) : null;
  };
