import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { usePageTitle } from './usePageTitle';

export function NotFound() {
  usePageTitle('notFound.title');
  return (
    <Stack>
      <Title order={1}>
        <FormattedMessage id="notFound.title" />
      </Title>
      <Text>
        <FormattedMessage id="notFound.body" />
      </Text>
      <Anchor component={Link} to="/">
        <FormattedMessage id="nav.home" />
      </Anchor>
    </Stack>
  );
}
