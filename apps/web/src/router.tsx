import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, redirect, type RouterHistory } from '@tanstack/react-router';
import type { EntryStatus } from './api/types';
import type { Auth } from './auth/AuthProvider';
import { homeOf, safeNext } from './auth/roles';
import type { Role } from './auth/session';
import { Shell } from './ui/Shell';
import { NotFound } from './ui/NotFound';
import { HomePage } from './pages/home/HomePage';

export interface RouterContext {
  auth: Auth;
  queryClient: QueryClient;
}

const text = (search: Record<string, unknown>, key: string): string | undefined =>
  typeof search[key] === 'string' && search[key] !== '' ? (search[key] as string) : undefined;
const flag = (search: Record<string, unknown>, key: string): boolean | undefined => (search[key] === undefined ? undefined : true);
const tokenSearch = (search: Record<string, unknown>): { token?: string } => ({ token: text(search, 'token') });

/** A private area: anonymous visitors go to the login page (and come back), other roles to their own home. */
const requireRole =
  (...roles: Role[]) =>
  ({ context, location }: { context: RouterContext; location: { href: string } }) => {
    const { session } = context.auth;
    if (session.status !== 'signed-in') throw redirect({ to: '/login', search: { next: location.href } });
    if (!roles.includes(session.user.role)) throw redirect({ to: homeOf(session.user.role) });
  };

/** Pages for visitors only: a signed-in user goes where the login was asked for, else to their own home. */
const anonymousOnly = ({ context, search }: { context: RouterContext; search: { next?: string } }) => {
  const { session } = context.auth;
  if (session.status !== 'signed-in') return;
  const next = safeNext(search.next);
  throw next ? redirect({ href: next }) : redirect({ to: homeOf(session.user.role) });
};

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Shell, notFoundComponent: NotFound });

const page = <T extends Record<string, unknown>>(loader: () => Promise<T>, name: keyof T & string) => lazyRouteComponent(loader, name);

const home = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });

// Accounts
const signup = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signup',
  beforeLoad: anonymousOnly,
  component: page(() => import('./pages/account/SignupPage'), 'SignupPage'),
});
const checkInbox = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signup/check-inbox',
  validateSearch: (search: Record<string, unknown>): { email?: string } => ({ email: text(search, 'email') }),
  component: page(() => import('./pages/account/CheckInboxPage'), 'CheckInboxPage'),
});
const confirm = createRoute({
  getParentRoute: () => rootRoute,
  path: '/confirm-email',
  validateSearch: tokenSearch,
  component: page(() => import('./pages/account/ConfirmPage'), 'ConfirmPage'),
});
const login = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({ next: text(search, 'next') }),
  beforeLoad: anonymousOnly,
  component: page(() => import('./pages/account/LoginPage'), 'LoginPage'),
});
const forgotPassword = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: page(() => import('./pages/account/ForgotPasswordPage'), 'ForgotPasswordPage'),
});
const resetPassword = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: page(() => import('./pages/account/ResetPasswordPage'), 'ResetPasswordPage'),
});
const join = createRoute({
  getParentRoute: () => rootRoute,
  path: '/join',
  validateSearch: tokenSearch,
  component: page(() => import('./pages/account/JoinPage'), 'JoinPage'),
});
const account = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  beforeLoad: requireRole('COMPANY', 'SHOPPER', 'JURY'),
  component: page(() => import('./pages/account/AccountPage'), 'AccountPage'),
});

// The company's journey
const colleagues = createRoute({
  getParentRoute: () => rootRoute,
  path: '/colleagues',
  beforeLoad: requireRole('COMPANY'),
  component: page(() => import('./pages/company/ColleaguesPage'), 'ColleaguesPage'),
});
const ENTRY_STATUSES: EntryStatus[] = ['PENDING_PAYMENT', 'CONFIRMED', 'IN_TEST', 'RANKED', 'WITHDRAWN', 'EXCLUDED'];
const entries = createRoute({
  getParentRoute: () => rootRoute,
  path: '/entries',
  beforeLoad: requireRole('COMPANY'),
  validateSearch: (search: Record<string, unknown>): { status?: EntryStatus; editionId?: string } => ({
    status: ENTRY_STATUSES.find((status) => status === search.status),
    editionId: text(search, 'editionId'),
  }),
  component: page(() => import('./pages/entries/EntriesPage'), 'EntriesPage'),
});
const newEntry = createRoute({
  getParentRoute: () => rootRoute,
  path: '/entries/new',
  beforeLoad: requireRole('COMPANY'),
  validateSearch: (search: Record<string, unknown>): { categoryId?: string } => ({ categoryId: text(search, 'categoryId') }),
  component: page(() => import('./pages/entries/NewEntryPage'), 'NewEntryPage'),
});
const entry = createRoute({
  getParentRoute: () => rootRoute,
  path: '/entries/$entryId',
  beforeLoad: requireRole('COMPANY'),
  validateSearch: (search: Record<string, unknown>): { paid?: boolean; cancelled?: boolean } => ({
    paid: flag(search, 'paid'),
    cancelled: flag(search, 'cancelled'),
  }),
  component: page(() => import('./pages/entries/EntryPage'), 'EntryPage'),
});
const report = createRoute({
  getParentRoute: () => rootRoute,
  path: '/entries/$entryId/report',
  beforeLoad: requireRole('COMPANY'),
  component: page(() => import('./pages/report/ReportPage'), 'ReportPage'),
});

// The shopper's and the jury's spaces (their pages come with the next parts of the portal)
const shopper = createRoute({
  getParentRoute: () => rootRoute,
  path: '/shopper',
  beforeLoad: requireRole('SHOPPER'),
  component: page(() => import('./pages/roles/ShopperHome'), 'ShopperHome'),
});
const jury = createRoute({
  getParentRoute: () => rootRoute,
  path: '/jury',
  beforeLoad: requireRole('JURY'),
  component: page(() => import('./pages/roles/JuryHome'), 'JuryHome'),
});

const routeTree = rootRoute.addChildren([
  home,
  signup,
  checkInbox,
  confirm,
  login,
  forgotPassword,
  resetPassword,
  join,
  account,
  colleagues,
  entries,
  newEntry,
  entry,
  report,
  shopper,
  jury,
]);

/** The portal's router; tests give it a memory history. */
export function createAppRouter(context: RouterContext, history?: RouterHistory) {
  return createRouter({ routeTree, context, history, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
