import { FormattedMessage } from 'react-intl';
import { remainingUntil } from '../format/instant';
import { useNow } from './useNow';

/** The time left before a deadline, ticking every second (not announced at each tick: screen readers read it on demand). */
export function Countdown({ until }: { until: string }) {
  const left = remainingUntil(until, useNow(1000));
  return (
    <span role="timer" aria-live="off">
      {left ? <FormattedMessage id="countdown.left" values={{ ...left }} /> : <FormattedMessage id="countdown.passed" />}
    </span>
  );
}
