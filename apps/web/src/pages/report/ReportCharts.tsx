import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Table, Title, VisuallyHidden } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CriterionScore } from '../../api/types';
import { useFormat } from '../../format/useFormat';
import type { ChannelRow } from './report-model';

/** Every chart has its figures as a table too: for screen readers, and so that no figure is told by colour alone. */
function FiguresTable({ caption, rows }: { caption: string; rows: { label: string; score: number | null; average: number | null }[] }) {
  const intl = useIntl();
  const { decimal } = useFormat();
  const show = (value: number | null) => (value === null ? intl.formatMessage({ id: 'report.none' }) : decimal(value));
  return (
    <Table mt="sm" striped>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">
            <VisuallyHidden>
              <FormattedMessage id="report.item" />
            </VisuallyHidden>
          </Table.Th>
          <Table.Th scope="col">
            <FormattedMessage id="report.yours" />
          </Table.Th>
          <Table.Th scope="col">
            <FormattedMessage id="report.average" />
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th scope="row">{row.label}</Table.Th>
            <Table.Td>{show(row.score)}</Table.Td>
            <Table.Td>{show(row.average)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Chart({ rows, max }: { rows: { label: string; score: number | null; average: number | null }[]; max: number }) {
  const intl = useIntl();
  return (
    <BarChart
      h={Math.max(180, rows.length * 44)}
      data={rows.map((row) => ({ label: row.label, score: row.score ?? 0, average: row.average ?? 0 }))}
      dataKey="label"
      orientation="vertical"
      yAxisProps={{ width: 160 }}
      xAxisProps={{ domain: [0, max] }}
      withLegend
      aria-hidden
      // the figures are in the table below; the chart itself is not focusable (recharts' keyboard layer off)
      barChartProps={{ accessibilityLayer: false }}
      series={[
        { name: 'score', label: intl.formatMessage({ id: 'report.yours' }), color: 'indigo.8' },
        { name: 'average', label: intl.formatMessage({ id: 'report.average' }), color: 'gray.5' },
      ]}
    />
  );
}

/** The company against the category's average, per channel (out of 20) and per criterion (out of its maximum). */
export function ReportCharts({ channels, criteria }: { channels: ChannelRow[]; criteria: CriterionScore[] }) {
  const intl = useIntl();
  const channelRows = channels.map((row) => ({ label: intl.formatMessage({ id: `channel.${row.channel}` }), score: row.score, average: row.average }));
  return (
    <>
      <section aria-labelledby="channels-heading">
        <Title order={2} id="channels-heading" mb="sm">
          <FormattedMessage id="report.byChannel" />
        </Title>
        <Chart rows={channelRows} max={20} />
        <FiguresTable caption={intl.formatMessage({ id: 'report.byChannelCaption' })} rows={channelRows} />
      </section>
      {channels.map(({ channel }) => {
        const rows = criteria
          .filter((criterion) => criterion.channel === channel)
          .map((criterion) => ({ label: criterion.label, score: criterion.score, average: criterion.categoryAverage }));
        if (!rows.length) return null;
        const max = Math.max(
          1,
          ...criteria.filter((criterion) => criterion.channel === channel).map((criterion) => criterion.max),
          ...rows.map((row) => row.score ?? 0),
        );
        const name = intl.formatMessage({ id: `channel.${channel}` });
        return (
          <section key={channel} aria-labelledby={`criteria-${channel}`}>
            <Title order={3} id={`criteria-${channel}`} mb="sm">
              <FormattedMessage id="report.byCriterion" values={{ channel: name }} />
            </Title>
            <Chart rows={rows} max={max} />
            <FiguresTable caption={intl.formatMessage({ id: 'report.byCriterionCaption' }, { channel: name })} rows={rows} />
          </section>
        );
      })}
    </>
  );
}
