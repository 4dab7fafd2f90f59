import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { AuthProvider, useAuth } from './auth/AuthProvider';
import { I18nProvider } from './i18n/I18nProvider';
import { createAppRouter } from './router';
import { cssVariables, theme } from './theme';
import { PageLoader } from './ui/PageLoader';

function RoutedPortal({ queryClient, history }: { queryClient: QueryClient; history?: RouterHistory }) {
  const auth = useAuth();
  const [router] = useState(() => createAppRouter({ auth, queryClient }, history));
  // Guards read the session from the router's context: run them again whenever it changes (a sign-out leaves a
  // private page), but not before the start-up refresh has said who is there.
  const started = auth.session.status !== 'starting';
  useEffect(() => {
    if (started) void router.invalidate();
  }, [router, auth, started]);
  if (!started) return <PageLoader />;
  return <RouterProvider router={router} context={{ auth, queryClient }} />;
}

export function App({ queryClient, history }: { queryClient: QueryClient; history?: RouterHistory }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <I18nProvider>
            <Notifications />
            <RoutedPortal queryClient={queryClient} history={history} />
          </I18nProvider>
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
