import { Anchor, Group, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Page } from '../../ui/Page';

/** The jury's space: its dashboard arrives with the portal's next part; until then the API's own tools. */
export function JuryHome() {
  return (
    <Page title="jury.title">
      <Text>
        <FormattedMessage id="jury.soon" />
      </Text>
      <Group>
        <Anchor href="/docs">
          <FormattedMessage id="jury.apiDocs" />
        </Anchor>
        <Anchor href="/queues">
          <FormattedMessage id="jury.queues" />
        </Anchor>
      </Group>
    </Page>
  );
}
