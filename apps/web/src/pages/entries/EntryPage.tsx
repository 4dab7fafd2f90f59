import { Alert, Card, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import type { Edition, Entry } from '../../api/types';
import { queries } from '../../api/queries';
import { useCatalogue } from '../../api/useCatalogue';
import { ButtonLink } from '../../ui/links';
import { EntryStatusBadge } from '../../ui/EntryStatusBadge';
import { Instant } from '../../ui/Instant';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';
import { useNow } from '../../ui/useNow';
import { CHANNELS } from './contact-points';
import { InvoiceCard } from './InvoiceCard';
import { LicencePanel } from './LicencePanel';
import { PaymentPanel } from './PaymentPanel';
import { WithdrawButton } from './WithdrawButton';

const route = getRouteApi('/entries/$entryId');
/** Back from the hosted checkout, the webhook may land a moment after the page: ask again until it has. */
const AWAIT_PAYMENT_MS = 1500;

function EntryTimeline({ entry, edition }: { entry: Entry; edition: Edition }) {
  const steps = entry.timeline ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="timeline-heading">
      <Title order={2} id="timeline-heading" mb="md">
        <FormattedMessage id="entry.timeline" />
      </Title>
      <Timeline active={steps.length - 1} bulletSize={16} component="ol" styles={{ root: { listStyle: 'none', padding: 0 } }}>
        {steps.map((step) => (
          <Timeline.Item key={`${step.status}-${step.at}`} title={<FormattedMessage id={`timeline.${step.status}`} />} component="li">
            <Text size="sm">
              <Instant iso={step.at} timeZone={edition.timezone} />
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

function EntryDetails({ entry, edition }: { entry: Entry; edition: Edition }) {
  const search = route.useSearch();
  const catalogue = useCatalogue();
  const invoices = useQuery(queries.invoices());
  const category = catalogue.category(entry.categoryId);
  const own = (invoices.data ?? []).filter((invoice) => invoice.entryId === entry.id && invoice.purpose === 'ENTRY_FEE');
  const beforeDeadline = useNow(60_000) < new Date(edition.registrationDeadline).getTime();
  const payable = entry.status === 'PENDING_PAYMENT' && entry.invoice?.status === 'UNPAID';
  return (
    <Stack>
      <Group>
        <EntryStatusBadge status={entry.status} />
        <Text>
          <FormattedMessage id="common.pair" values={{ first: edition.name, second: category?.name }} />
        </Text>
      </Group>
      {search.paid && entry.status === 'PENDING_PAYMENT' && (
        <Alert color="blue" role="status">
          <FormattedMessage id="entry.awaitingPayment" />
        </Alert>
      )}
      {search.paid && entry.status === 'CONFIRMED' && (
        <Alert color="green" role="status">
          <FormattedMessage id="entry.paid" />
        </Alert>
      )}
      {search.cancelled && (
        <Alert color="yellow" role="status">
          <FormattedMessage id="entry.checkoutCancelled" />
        </Alert>
      )}
      {entry.exclusionReason && (
        <Alert color="red">
          <FormattedMessage id="entry.excluded" values={{ reason: entry.exclusionReason }} />
        </Alert>
      )}
      {payable && entry.invoice && <PaymentPanel invoice={entry.invoice} />}
      {entry.status === 'RANKED' && (
        <ButtonLink to="/entries/$entryId/report" params={{ entryId: entry.id }} w="fit-content">
          <FormattedMessage id="entry.readReport" />
        </ButtonLink>
      )}
      {entry.status === 'RANKED' && <LicencePanel entryId={entry.id} timeZone={edition.timezone} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <EntryTimeline entry={entry} edition={edition} />
        <Card withBorder component="section" aria-labelledby="contact-heading">
          <Title order={2} id="contact-heading" mb="md">
            <FormattedMessage id="entry.contactPoints" />
          </Title>
          <Table>
            <Table.Tbody>
              {CHANNELS.filter((channel) => entry.contactPoints[channel]?.length).map((channel) => (
                <Table.Tr key={channel}>
                  <Table.Th scope="row">
                    <FormattedMessage id={`channel.${channel}`} />
                  </Table.Th>
                  <Table.Td>{entry.contactPoints[channel]?.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <section aria-labelledby="invoices-heading">
        <Title order={2} id="invoices-heading" mb="md">
          <FormattedMessage id="entry.invoices" />
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(own.length ? own : entry.invoice ? [entry.invoice] : []).map((invoice) => (
            <InvoiceCard key={invoice.id} invoice={invoice} timeZone={edition.timezone} />
          ))}
        </SimpleGrid>
      </section>
      {(entry.status === 'PENDING_PAYMENT' || entry.status === 'CONFIRMED') && beforeDeadline && <WithdrawButton entry={entry} />}
    </Stack>
  );
}

/** One entry: its status and history, its invoices and credit notes, payment, withdrawal, then its report and licence. */
export function EntryPage() {
  const { entryId } = route.useParams();
  const search = route.useSearch();
  const entry = useQuery({
    ...queries.entry(entryId),
    refetchInterval: (query) => (search.paid && query.state.data?.status === 'PENDING_PAYMENT' ? AWAIT_PAYMENT_MS : false),
  });
  const edition = useQuery({ ...queries.edition(entry.data?.editionId ?? ''), enabled: !!entry.data });
  const both = {
    data: entry.data && edition.data ? { entry: entry.data, edition: edition.data } : undefined,
    error: entry.error ?? edition.error,
    isPending: entry.isPending || edition.isPending,
  };
  return (
    <Page title="entry.title">
      <QueryState query={both}>{({ entry: data, edition: ofEdition }) => <EntryDetails entry={data} edition={ofEdition} />}</QueryState>
    </Page>
  );
}
