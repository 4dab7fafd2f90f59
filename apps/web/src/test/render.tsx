import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import type { Locale } from '../i18n/locale';
import { createQueryClient } from '../queryClient';
import { cssVariables, theme } from '../theme';

/** A component in the portal's providers: Mantine in test mode (dialogs render at once), the catalogue, a cache without retries. */
export function renderInPortal(ui: ReactNode, { locale = 'fr' as Locale } = {}) {
  return render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables} env="test">
      <QueryClientProvider client={createQueryClient({ retry: false })}>
        <IntlProvider locale={locale} defaultLocale="fr" messages={{ fr, en }[locale]}>
          {ui}
        </IntlProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** A JSON answer as the API gives it. */
export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
