// The provider's events are built by billing (its checkout stand-in sends them); the season and tests forge them too.
export { checkoutCompleted, signEvent } from '@app/billing';
