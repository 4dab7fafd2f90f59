import type { LinkProps } from '@tanstack/react-router';
import type { Role } from '../auth/session';
import type { Message } from '../i18n/message';

export type NavItem = { label: Message } & ({ to: NonNullable<LinkProps['to']> } | { href: string });

/** Pages the API renders itself (no JavaScript needed): plain links, not the portal's router. */
const PUBLIC: NavItem[] = [
  { label: 'nav.home', to: '/' },
  { label: 'nav.winners', href: '/winners' },
  { label: 'nav.methodology', href: '/methodology' },
];

const BY_ROLE: Record<Role, NavItem[]> = {
  COMPANY: [
    { label: 'nav.entries', to: '/entries' },
    { label: 'nav.newEntry', to: '/entries/new' },
    { label: 'nav.colleagues', to: '/colleagues' },
  ],
  SHOPPER: [{ label: 'nav.shopper', to: '/shopper' }],
  JURY: [{ label: 'nav.jury', to: '/jury' }],
};

/** What the header offers: the public pages to everyone, then the signed-in role's own. */
export function navigationFor(role: Role | null): NavItem[] {
  return role ? [...PUBLIC, ...BY_ROLE[role]] : PUBLIC;
}
