import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import type { Message } from '../i18n/message';

/** Each page names itself in the window's title (WCAG 2.4.2), in the reader's language. */
export function usePageTitle(id: Message, values?: Record<string, string | number>): void {
  const intl = useIntl();
  const title = intl.formatMessage({ id }, values);
  const app = intl.formatMessage({ id: 'app.name' });
  useEffect(() => {
    document.title = `${title} · ${app}`;
  }, [title, app]);
}
