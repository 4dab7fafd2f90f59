import { Anchor, AppShell, Burger, Button, Container, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { useAuth } from '../auth/AuthProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { ButtonLink } from './links';
import { navigationFor, type NavItem } from './navigation';
import './shell.css';

/** In the header: a row of light buttons; in the phone's menu: full-width navigation links. */
function NavItemLink({ item, inMenu, onNavigate }: { item: NavItem; inMenu?: boolean; onNavigate?: () => void }) {
  const intl = useIntl();
  const label = intl.formatMessage({ id: item.label });
  if (inMenu) {
    if ('href' in item) return <NavLink href={item.href} label={label} component="a" />;
    return <NavLink component={Link} to={item.to} label={label} onClick={onNavigate} activeOptions={{ exact: true }} />;
  }
  if ('href' in item)
    return (
      <Button component="a" href={item.href} variant="subtle" size="compact-sm">
        {label}
      </Button>
    );
  return (
    <ButtonLink to={item.to} variant="subtle" size="compact-sm" activeOptions={{ exact: true }} activeProps={{ 'data-active': true, variant: 'light' }}>
      {label}
    </ButtonLink>
  );
}

/**
 * The visitor's way in (log in, sign up), or the signed-in user's account and log-out: plain buttons rather
 * than a dropdown menu, whose positioning library would weigh on every role's first page.
 */
function AccountActions({ inMenu, onNavigate }: { inMenu?: boolean; onNavigate?: () => void }) {
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const intl = useIntl();
  if (!user) {
    return (
      <Group gap="xs" wrap="nowrap">
        <ButtonLink to="/login" variant="default" size="sm" onClick={onNavigate}>
          <FormattedMessage id="nav.login" />
        </ButtonLink>
        <ButtonLink to="/signup" size="sm" visibleFrom={inMenu ? undefined : 'sm'} onClick={onNavigate}>
          <FormattedMessage id="nav.signup" />
        </ButtonLink>
      </Group>
    );
  }
  const logout = () => void signOut().then(() => navigate({ to: '/' }));
  return (
    <Group gap="xs" wrap="nowrap" visibleFrom={inMenu ? undefined : 'md'}>
      <ButtonLink
        to="/account"
        variant="default"
        size="sm"
        px="xs"
        onClick={onNavigate}
        aria-label={intl.formatMessage({ id: 'nav.accountOf' }, { email: user.email })}
      >
        <Text span size="sm" truncate maw={200}>
          {user.email}
        </Text>
      </ButtonLink>
      <Button variant="subtle" size="sm" onClick={logout}>
        <FormattedMessage id="nav.logout" />
      </Button>
    </Group>
  );
}

/** The frame of every page: a skip link, the header (logo, navigation for the role, language, account) and the page. */
export function Shell() {
  const intl = useIntl();
  const { user } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = navigationFor(user?.role ?? null);
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 260, breakpoint: 'md', collapsed: { mobile: !opened, desktop: true } }} padding="md">
      <a href="#main" className="skip-link">
        <FormattedMessage id="nav.skip" />
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} gap="xs" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={intl.formatMessage({ id: opened ? 'nav.closeMenu' : 'nav.openMenu' })}
            />
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never">
              <FormattedMessage id="app.name" />
            </Anchor>
            <Group component="nav" gap={4} visibleFrom="md" wrap="nowrap" aria-label={intl.formatMessage({ id: 'nav.main' })}>
              {items.map((item) => (
                <NavItemLink key={item.label} item={item} />
              ))}
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <AccountActions />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={intl.formatMessage({ id: 'nav.menu' })}>
        <Stack gap={0}>
          {items.map((item) => (
            <NavItemLink key={item.label} item={item} inMenu onNavigate={close} />
          ))}
          <Stack mt="md" gap="xs">
            <AccountActions inMenu onNavigate={close} />
          </Stack>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
