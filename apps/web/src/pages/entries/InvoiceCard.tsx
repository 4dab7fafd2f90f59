import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { Invoice } from '../../api/types';
import { useFormat } from '../../format/useFormat';
import { DownloadButton } from '../../ui/DownloadButton';

const STATUS_COLOURS: Record<Invoice['status'], string> = { UNPAID: 'orange', PAID: 'green', CREDITED: 'gray', ISSUED: 'blue' };

/** An invoice or credit note: number, amounts excl. VAT, VAT and total, its status in words, and its PDF. */
export function InvoiceCard({ invoice, timeZone }: { invoice: Invoice; timeZone: string }) {
  const { money, day } = useFormat();
  return (
    <Card withBorder component="article" aria-label={invoice.number}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            <FormattedMessage id={invoice.kind === 'CREDIT_NOTE' ? 'invoice.creditNote' : 'invoice.invoice'} values={{ number: invoice.number }} />
          </Text>
          <Badge color={STATUS_COLOURS[invoice.status]} variant="dot" size="lg">
            <FormattedMessage id={`invoiceStatus.${invoice.status}`} />
          </Badge>
        </Group>
        <Text size="sm">{invoice.description}</Text>
        <Text size="sm" c="dimmed">
          <FormattedMessage id="invoice.issuedOn" values={{ date: day(invoice.issuedAt, timeZone) }} />
        </Text>
        <Table withRowBorders={false} maw={360}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">
                <FormattedMessage id="invoice.exclVat" />
              </Table.Th>
              <Table.Td ta="right">{money(invoice.amountExclVatCents)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">
                {invoice.reverseCharge ? (
                  <FormattedMessage id="invoice.reverseCharge" />
                ) : (
                  <FormattedMessage id="invoice.vat" values={{ rate: invoice.vatRateBp / 100 }} />
                )}
              </Table.Th>
              <Table.Td ta="right">{money(invoice.vatCents)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">
                <FormattedMessage id="invoice.total" />
              </Table.Th>
              <Table.Td ta="right" fw={700}>
                {money(invoice.totalCents)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {invoice.reason && (
          <Text size="sm">
            <FormattedMessage id="invoice.reason" values={{ reason: invoice.reason }} />
          </Text>
        )}
        <DownloadButton path={invoice.pdfUrl} fileName={`${invoice.number}.pdf`} w="fit-content">
          <FormattedMessage id="invoice.downloadPdf" values={{ number: invoice.number }} />
        </DownloadButton>
      </Stack>
    </Card>
  );
}
