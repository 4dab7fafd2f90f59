import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { Message } from '../i18n/message';
import { usePageTitle } from './usePageTitle';

/** A page: its one `h1` (also the window's title) and its content. */
export function Page({ title, values, children }: { title: Message; values?: Record<string, string | number>; children: ReactNode }) {
  usePageTitle(title, values);
  return (
    <Stack gap="lg" py="md">
      <Title order={1}>
        <FormattedMessage id={title} values={values} />
      </Title>
      {children}
    </Stack>
  );
}
