import { Anchor, AppShell, Burger, Button, Container, Group, Menu, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { useAuth } from '../auth/AuthProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { navigationFor, type NavItem } from './navigation';
import './shell.css';

function NavItemLink({ item, onNavigate }: { item: NavItem; onNavigate?: () => void }) {
  const intl = useIntl();
  const label = intl.formatMessage({ id: item.label });
  if ('href' in item) return <NavLink href={item.href} label={label} component="a" />;
  return <NavLink component={Link} to={item.to} label={label} onClick={onNavigate} activeOptions={{ exact: true }} />;
}

function UserMenu() {
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  if (!user) {
    return (
      <Group gap="xs">
        <Button component={Link} to="/login" variant="default" size="sm">
          <FormattedMessage id="nav.login" />
        </Button>
        <Button component={Link} to="/signup" size="sm" visibleFrom="xs">
          <FormattedMessage id="nav.signup" />
        </Button>
      </Group>
    );
  }
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" size="sm" aria-haspopup="menu">
          <Text span size="sm" truncate maw={180}>
            {user.email}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/account">
          <FormattedMessage id="nav.account" />
        </Menu.Item>
        <Menu.Item
          onClick={() => {
            void signOut().then(() => navigate({ to: '/' }));
          }}
        >
          <FormattedMessage id="nav.logout" />
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
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
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
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
            <Group component="nav" gap={0} visibleFrom="md" aria-label={intl.formatMessage({ id: 'nav.main' })}>
              {items.map((item) => (
                <NavItemLink key={item.label} item={item} />
              ))}
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={intl.formatMessage({ id: 'nav.main' })}>
        <Stack gap={0}>
          {items.map((item) => (
            <NavItemLink key={item.label} item={item} onNavigate={close} />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Container size="lg" component="main" id="main" tabIndex={-1} px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
