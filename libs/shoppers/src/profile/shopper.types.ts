import type { Signup, UserView } from '@app/accounts';

/** An invitation for a shopper: who, their sectors (category codes) and tests per week. */
export interface NewInvitation {
  email: string;
  name: string;
  sectors: string[];
  weeklyCapacity: number;
}

export interface InvitationView {
  id: string;
  email: string;
  name: string;
  sectors: string[];
  weeklyCapacity: number;
  invitedBy: string | null;
  acceptedAt: string | null;
  createdAt: string;
}

/** The invitation's token, and the password and locale with the sign-up's rules. */
export interface InvitationAcceptance extends Pick<Signup, 'password' | 'locale'> {
  token: string;
}

/** A company the shopper must not test, and why. */
export interface Conflict {
  siren: string;
  reason: string;
}

/** Every field is optional; `conflicts`, when given, replaces the whole declared list. */
export interface ShopperUpdate {
  sectors?: string[];
  weeklyCapacity?: number;
  conflicts?: Conflict[];
}

/** Why the jury suspends a shopper. */
export interface Suspension {
  reason: string;
}

export interface ConflictView extends Conflict {
  companyName: string | null;
}

export interface ShopperProfileView {
  userId: string;
  name: string;
  email: string;
  sectors: string[];
  weeklyCapacity: number;
  suspended: boolean;
  conflicts: ConflictView[];
}

/** A shopper in the jury's list: the profile without the conflicts, with the suspension date and task counts. */
export interface ShopperSummaryView extends Omit<ShopperProfileView, 'conflicts'> {
  suspendedAt: string | null;
  createdAt: string;
  tasks: Record<string, number>;
}

export interface AcceptInvitationResponse {
  accessToken: string;
  user: UserView;
}
