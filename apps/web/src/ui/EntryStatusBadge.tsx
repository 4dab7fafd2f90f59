import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { EntryStatus } from '../api/types';

const COLOURS: Record<EntryStatus, string> = {
  PENDING_PAYMENT: 'orange',
  CONFIRMED: 'green',
  IN_TEST: 'blue',
  RANKED: 'grape',
  WITHDRAWN: 'gray',
  EXCLUDED: 'red',
};

/** The status in words, in the text colour (light badges fail contrast); the dot's colour only repeats it. */
export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  return (
    <Badge color={COLOURS[status]} variant="dot" size="lg">
      <FormattedMessage id={`entryStatus.${status}`} />
    </Badge>
  );
}
