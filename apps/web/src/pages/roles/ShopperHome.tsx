import { Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Page } from '../../ui/Page';

/** The shopper's space: tasks, evaluations and profile arrive with the portal's next part. */
export function ShopperHome() {
  return (
    <Page title="shopper.title">
      <Text>
        <FormattedMessage id="shopper.soon" />
      </Text>
    </Page>
  );
}
