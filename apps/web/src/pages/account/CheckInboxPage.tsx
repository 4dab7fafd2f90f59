import { Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { Page } from '../../ui/Page';

const route = getRouteApi('/signup/check-inbox');

export function CheckInboxPage() {
  const { email } = route.useSearch();
  return (
    <Page title="checkInbox.title">
      <Text>
        {email ? <FormattedMessage id="checkInbox.sentTo" values={{ email: <strong>{email}</strong> }} /> : <FormattedMessage id="checkInbox.sent" />}
      </Text>
      <Text>
        <FormattedMessage id="checkInbox.validity" />
      </Text>
    </Page>
  );
}
