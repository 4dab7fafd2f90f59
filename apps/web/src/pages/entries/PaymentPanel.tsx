import { Button, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { Invoice } from '../../api/types';
import { queries } from '../../api/queries';
import { useFormat } from '../../format/useFormat';
import { FormAlert } from '../../forms/FormAlert';

function TransferInstructions({ invoiceId }: { invoiceId: string }) {
  const { money } = useFormat();
  const invoice = useQuery(queries.invoice(invoiceId));
  const transfer = invoice.data?.transfer;
  if (!invoice.data || !transfer) return null;
  const rows: [Parameters<typeof FormattedMessage>[0]['id'], string][] = [
    ['transfer.beneficiary', transfer.beneficiary],
    ['transfer.iban', transfer.iban],
    ['transfer.bic', transfer.bic],
    ['transfer.amount', money(invoice.data.totalCents)],
    ['transfer.reference', transfer.reference],
  ];
  return (
    <Stack gap="xs">
      <Text>
        <FormattedMessage id="transfer.intro" />
      </Text>
      <Table withRowBorders={false} maw={520}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">
                <FormattedMessage id={label} />
              </Table.Th>
              <Table.Td>
                <Code>{value}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">
        <FormattedMessage id="transfer.recorded" />
      </Text>
    </Stack>
  );
}

/** An unpaid invoice is paid by card (the provider's hosted page) or by bank transfer (instructions and reference). */
export function PaymentPanel({ invoice }: { invoice: Invoice }) {
  const intl = useIntl();
  const { money } = useFormat();
  const [byTransfer, setByTransfer] = useState(false);
  const checkout = useMutation({
    mutationFn: () => unwrap(api.POST('/api/invoices/{id}/checkout', { params: { path: { id: invoice.id } } })),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  return (
    <Card withBorder component="section" aria-labelledby="pay-heading">
      <Stack>
        <Title order={2} id="pay-heading">
          <FormattedMessage id="pay.title" values={{ amount: money(invoice.totalCents) }} />
        </Title>
        <FormAlert
          message={checkout.error ? (checkout.error instanceof ApiError ? checkout.error.message : intl.formatMessage({ id: 'form.unreachable' })) : null}
        />
        <Group>
          <Button loading={checkout.isPending || checkout.isSuccess} onClick={() => checkout.mutate()}>
            <FormattedMessage id="pay.card" />
          </Button>
          <Button variant="default" onClick={() => setByTransfer(true)} aria-expanded={byTransfer}>
            <FormattedMessage id="pay.transfer" />
          </Button>
        </Group>
        {byTransfer && <TransferInstructions invoiceId={invoice.id} />}
      </Stack>
    </Card>
  );
}
