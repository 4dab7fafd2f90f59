import { Group, NativeSelect, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { AnchorLink, ButtonLink } from '../../ui/links';
import type { EntryStatus } from '../../api/types';
import { queries } from '../../api/queries';
import { useCatalogue } from '../../api/useCatalogue';
import { EntryStatusBadge } from '../../ui/EntryStatusBadge';
import { Instant } from '../../ui/Instant';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';

const route = getRouteApi('/entries');
const STATUSES: EntryStatus[] = ['PENDING_PAYMENT', 'CONFIRMED', 'IN_TEST', 'RANKED', 'WITHDRAWN', 'EXCLUDED'];

/** The company's entries, filtered by status and edition in the URL (a filtered list can be bookmarked). */
export function EntriesPage() {
  const intl = useIntl();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const entries = useQuery(queries.entries());
  const catalogue = useCatalogue();
  return (
    <Page title="entries.title">
      <Group justify="space-between" align="flex-end">
        <Group>
          <NativeSelect
            label={intl.formatMessage({ id: 'entries.filterStatus' })}
            value={search.status ?? ''}
            data={[
              { value: '', label: intl.formatMessage({ id: 'entries.allStatuses' }) },
              ...STATUSES.map((status) => ({ value: status, label: intl.formatMessage({ id: `entryStatus.${status}` }) })),
            ]}
            onChange={(event) => void navigate({ search: (previous) => ({ ...previous, status: (event.currentTarget.value as EntryStatus) || undefined }) })}
          />
          <NativeSelect
            label={intl.formatMessage({ id: 'entries.filterEdition' })}
            value={search.editionId ?? ''}
            data={[
              { value: '', label: intl.formatMessage({ id: 'entries.allEditions' }) },
              ...catalogue.editions.map((edition) => ({ value: edition.id, label: edition.name })),
            ]}
            onChange={(event) => void navigate({ search: (previous) => ({ ...previous, editionId: event.currentTarget.value || undefined }) })}
          />
        </Group>
        <ButtonLink to="/entries/new">
          <FormattedMessage id="nav.newEntry" />
        </ButtonLink>
      </Group>
      <QueryState query={entries}>
        {(list) => {
          const shown = list.filter(
            (entry) => (!search.status || entry.status === search.status) && (!search.editionId || entry.editionId === search.editionId),
          );
          if (!shown.length)
            return (
              <Text>
                <FormattedMessage id={list.length ? 'entries.noneMatch' : 'entries.none'} />
              </Text>
            );
          return (
            // Wider than a phone: the table scrolls sideways in a region the keyboard can reach.
            <div role="region" aria-label={intl.formatMessage({ id: 'entries.title' })} tabIndex={0} style={{ overflowX: 'auto' }}>
              <Table striped highlightOnHover miw={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">
                      <FormattedMessage id="entries.category" />
                    </Table.Th>
                    <Table.Th scope="col">
                      <FormattedMessage id="entries.edition" />
                    </Table.Th>
                    <Table.Th scope="col">
                      <FormattedMessage id="entries.status" />
                    </Table.Th>
                    <Table.Th scope="col">
                      <FormattedMessage id="entries.registeredAt" />
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((entry) => {
                    const edition = catalogue.edition(entry.editionId);
                    return (
                      <Table.Tr key={entry.id}>
                        <Table.Td>
                          <AnchorLink to="/entries/$entryId" params={{ entryId: entry.id }}>
                            {catalogue.category(entry.categoryId)?.name ?? intl.formatMessage({ id: 'entries.entry' })}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>{edition?.name}</Table.Td>
                        <Table.Td>
                          <EntryStatusBadge status={entry.status} />
                        </Table.Td>
                        <Table.Td>{edition && <Instant iso={entry.createdAt} timeZone={edition.timezone} />}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
          );
        }}
      </QueryState>
    </Page>
  );
}
