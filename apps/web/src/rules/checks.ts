import isEmail from 'validator/es/lib/isEmail';
import isURL from 'validator/es/lib/isURL';
import { isValidSiren, PASSWORD_RULE } from '../../../../libs/accounts/src/account-rules';
import { CHAT_LENGTH, MAX_CONTACT_POINTS_PER_CHANNEL, PHONE_PATTERN, SOCIAL_LENGTH, URL_OPTIONS } from '../../../../libs/registration/src/contact-point-rules';
import type { Message } from '../i18n/message';

/**
 * The API's rules, from the very files its validators use, as inline checks: each answers the id of
 * the message to show, or null when the value passes. The API stays the judge; these only spare a trip.
 */
export const checks = {
  email: (value: string): Message | null => (isEmail(value.trim()) ? null : 'check.email'),
  password: (value: string): Message | null => (PASSWORD_RULE.test(value) ? null : 'check.password'),
  siren: (value: string): Message | null => (isValidSiren(value.replace(/\s/g, '')) ? null : 'check.siren'),
  required: (value: string): Message | null => (value.trim() ? null : 'check.required'),
};

export const MAX_PER_CHANNEL = MAX_CONTACT_POINTS_PER_CHANNEL;

const within = (value: string, { min, max }: { min: number; max: number }) => value.length >= min && value.length <= max;

/** One contact point of a channel, checked as `POST /api/entries` checks it. */
export const contactPointChecks: Record<string, (value: string) => Message | null> = {
  PHONE: (value) => (PHONE_PATTERN.test(value) ? null : 'check.phone'),
  EMAIL: (value) => (isEmail(value) ? null : 'check.email'),
  WEB: (value) => (isURL(value, URL_OPTIONS) ? null : 'check.web'),
  CHAT: (value) => (within(value, CHAT_LENGTH) ? null : 'check.chat'),
  SOCIAL: (value) => (within(value, SOCIAL_LENGTH) ? null : 'check.social'),
};
