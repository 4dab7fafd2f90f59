import { Alert, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CriterionScore, EntryReport } from '../../api/types';
import { queries } from '../../api/queries';
import { useFormat } from '../../format/useFormat';
import type { Message } from '../../i18n/message';
import { DownloadButton } from '../../ui/DownloadButton';
import { Page } from '../../ui/Page';
import { PageLoader } from '../../ui/PageLoader';
import { QueryState } from '../../ui/QueryState';
import { channelsOf } from './report-model';

const route = getRouteApi('/entries/$entryId/report');
// The charts library is the portal's heaviest part: loaded only when a report is read.
const ReportCharts = lazy(() => import('./ReportCharts').then((module) => ({ default: module.ReportCharts })));

function Points({ title, items }: { title: Message; items: CriterionScore[] }) {
  const intl = useIntl();
  const { decimal } = useFormat();
  if (!items.length) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        <FormattedMessage id={title} />
      </Title>
      <List spacing="xs">
        {items.map((item) => (
          <List.Item key={`${item.channel}-${item.key}`}>
            <FormattedMessage
              id="report.point"
              values={{
                label: item.label,
                channel: intl.formatMessage({ id: `channel.${item.channel}` }),
                score: item.score === null ? '—' : decimal(item.score),
                average: item.categoryAverage === null ? '—' : decimal(item.categoryAverage),
              }}
            />
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

function Summary({ report }: { report: EntryReport }) {
  const { score, decimal } = useFormat();
  const interval = report.scoreInterval;
  return (
    <Card withBorder component="section" aria-labelledby="summary-heading">
      <Stack>
        <Title order={2} id="summary-heading">
          <FormattedMessage id="report.summary" />
        </Title>
        {report.winner && (
          <Alert color="green">
            <FormattedMessage id="report.winner" values={{ category: report.categoryName, year: report.editionYear }} />
          </Alert>
        )}
        <Group gap="xl">
          <Text size="xl" fw={700}>
            {report.score === null ? <FormattedMessage id="report.noScore" /> : score(report.score)}
          </Text>
          <Text size="lg">
            {report.rank === null ? (
              <FormattedMessage id="report.unranked" />
            ) : (
              <FormattedMessage id="report.rank" values={{ rank: report.rank, of: report.of }} />
            )}
          </Text>
        </Group>
        {interval && report.marginOfError !== null && (
          <Text>
            <FormattedMessage id="report.margin" values={{ margin: decimal(report.marginOfError), low: decimal(interval.low), high: decimal(interval.high) }} />
          </Text>
        )}
        {report.categoryAverage !== null && (
          <Text>
            <FormattedMessage id="report.categoryAverage" values={{ average: score(report.categoryAverage) }} />
          </Text>
        )}
        {!report.eligible && (
          <Text>
            <FormattedMessage id="report.insufficient" values={{ channels: report.insufficientChannels.join(', ') }} />
          </Text>
        )}
        <Text size="sm" c="dimmed">
          <FormattedMessage id="report.source" values={{ version: report.version, digest: report.digest.slice(0, 12) }} />
        </Text>
      </Stack>
    </Card>
  );
}

/** After publication: the entrant's private report — score, rank of N, margin in words, charts against the category. */
export function ReportPage() {
  const { entryId } = route.useParams();
  const report = useQuery(queries.report(entryId));
  return (
    <Page title="report.title">
      <QueryState query={report}>
        {(data) => {
          return (
            <Stack gap="xl">
              <Text size="lg">
                <FormattedMessage id="common.pair" values={{ first: data.companyName, second: `${data.editionName}, ${data.categoryName}` }} />
              </Text>
              <Summary report={data} />
              <DownloadButton
                path={`/api/entries/${entryId}/report/pdf`}
                fileName={`report-${data.editionYear}-${data.categoryCode}.pdf`}
                size="sm"
                w="fit-content"
              >
                <FormattedMessage id="report.downloadPdf" />
              </DownloadButton>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Points title="report.strengths" items={data.strengths} />
                <Points title="report.weaknesses" items={data.weaknesses} />
              </SimpleGrid>
              <Suspense fallback={<PageLoader />}>
                <ReportCharts channels={channelsOf(data)} criteria={data.criterionScores} />
              </Suspense>
            </Stack>
          );
        }}
      </QueryState>
    </Page>
  );
}
