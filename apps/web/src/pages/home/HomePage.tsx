import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { queries } from '../../api/queries';
import type { Edition } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { ButtonLink } from '../../ui/links';
import { Countdown } from '../../ui/Countdown';
import { Fees } from '../../ui/Fees';
import { Instant } from '../../ui/Instant';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';

function Categories({ edition }: { edition: Edition }) {
  const { user } = useAuth();
  const categories = useQuery(queries.categories(edition.id));
  return (
    <QueryState query={categories}>
      {(list) => (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {list
            .filter((category) => category.status !== 'CANCELLED')
            .map((category) => (
              <Card key={category.id} withBorder component="article">
                <Stack gap="xs">
                  <Title order={3}>{category.name}</Title>
                  <Fees exclVatCents={category.entryFeeCents} inclVatCents={category.entryFeeInclVatCents} />
                  {user?.role === 'COMPANY' ? (
                    <ButtonLink to="/entries/new" search={{ categoryId: category.id }} variant="light">
                      <FormattedMessage id="home.enterCategory" values={{ category: category.name }} />
                    </ButtonLink>
                  ) : null}
                </Stack>
              </Card>
            ))}
        </SimpleGrid>
      )}
    </QueryState>
  );
}

function OpenEdition({ edition }: { edition: Edition }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={`edition-${edition.id}`}>
      <Stack>
        <Title order={2} id={`edition-${edition.id}`}>
          {edition.name}
        </Title>
        <Text>
          <FormattedMessage id="home.deadline" /> <Instant iso={edition.registrationDeadline} timeZone={edition.timezone} />
        </Text>
        <Text fw={600}>
          <Countdown until={edition.registrationDeadline} />
        </Text>
        <Categories edition={edition} />
      </Stack>
    </Card>
  );
}

/** The public home: the editions open for entries, their categories and fees, the deadline, how to enter. */
export function HomePage() {
  const { user } = useAuth();
  const editions = useQuery(queries.editions());
  return (
    <Page title="home.title">
      <Text size="lg">
        <FormattedMessage id="home.intro" />
      </Text>
      <QueryState query={editions}>
        {(list) => {
          const open = list.filter((edition) => edition.status === 'OPEN');
          return open.length ? (
            open.map((edition) => <OpenEdition key={edition.id} edition={edition} />)
          ) : (
            <Text>
              <FormattedMessage id="home.noOpenEdition" />
            </Text>
          );
        }}
      </QueryState>
      <section aria-labelledby="how-to-enter">
        <Title order={2} id="how-to-enter">
          <FormattedMessage id="home.howTo" />
        </Title>
        <List type="ordered" spacing="xs" mt="sm">
          <List.Item>
            <FormattedMessage id="home.howTo.signup" />
          </List.Item>
          <List.Item>
            <FormattedMessage id="home.howTo.register" />
          </List.Item>
          <List.Item>
            <FormattedMessage id="home.howTo.pay" />
          </List.Item>
          <List.Item>
            <FormattedMessage id="home.howTo.report" />
          </List.Item>
        </List>
        {!user && (
          <Button component={Link} to="/signup" mt="md">
            <FormattedMessage id="nav.signup" />
          </Button>
        )}
      </section>
      <Group>
        <Anchor href="/winners">
          <FormattedMessage id="home.winnersLink" />
        </Anchor>
        <Anchor href="/methodology">
          <FormattedMessage id="home.methodologyLink" />
        </Anchor>
      </Group>
    </Page>
  );
}
