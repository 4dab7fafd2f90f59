import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { AuthProvider, useAuth } from './auth/AuthProvider';
import { I18nProvider } from './i18n/I18nProvider';
import { createAppRouter } from './router';
import { theme } from './theme';
import { PageLoader } from './ui/PageLoader';

function RoutedPortal({ queryClient }: { queryClient: QueryClient }) {
  const auth = useAuth();
  const [router] = useState(() => createAppRouter({ auth, queryClient }));
  // Guards read the session from the router's context: run them again whenever it changes (a sign-out leaves a private page).
  useEffect(() => {
    void router.invalidate();
  }, [router, auth]);
  if (auth.session.status === 'starting') return <PageLoader />;
  return <RouterProvider router={router} context={{ auth, queryClient }} />;
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <I18nProvider>
            <Notifications />
            <RoutedPortal queryClient={queryClient} />
          </I18nProvider>
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
