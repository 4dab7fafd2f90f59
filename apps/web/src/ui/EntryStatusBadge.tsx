import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { EntryStatus } from '../api/pending';

const COLOURS: Record<EntryStatus, string> = {
  PENDING_PAYMENT: 'orange',
  CONFIRMED: 'green',
  IN_TEST: 'blue',
  RANKED: 'grape',
  WITHDRAWN: 'gray',
  EXCLUDED: 'red',
};

/** The status in words; the colour only repeats it. */
export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  return (
    <Badge color={COLOURS[status]} variant="light">
      <FormattedMessage id={`entryStatus.${status}`} />
    </Badge>
  );
}
