import { Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { useFormat } from '../format/useFormat';

/** A fee as French invoices state it: excluding VAT, then including it. */
export function Fees({ exclVatCents, inclVatCents }: { exclVatCents: number; inclVatCents: number }) {
  const { money } = useFormat();
  return (
    <Text span>
      <FormattedMessage id="fees.exclVat" values={{ amount: money(exclVatCents) }} />
      {' · '}
      <FormattedMessage id="fees.inclVat" values={{ amount: money(inclVatCents) }} />
    </Text>
  );
}
