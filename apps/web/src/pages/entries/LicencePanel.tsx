import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage } from 'react-intl';
import { queries } from '../../api/queries';
import { useFormat } from '../../format/useFormat';
import { DownloadButton } from '../../ui/DownloadButton';
import { InvoiceCard } from './InvoiceCard';
import { PaymentPanel } from './PaymentPanel';

/** A winner's logo licence: its invoice to pay, then the logo kit and the public verification link. */
export function LicencePanel({ entryId, timeZone }: { entryId: string; timeZone: string }) {
  const { day } = useFormat();
  const licence = useQuery(queries.licence(entryId));
  const data = licence.data;
  // Only a title holder has a licence: for any other entry the API answers 404 and there is nothing to show.
  if (!data) return null;
  const usable = data.status !== 'UNPAID';
  return (
    <Card withBorder component="section" aria-labelledby="licence-heading">
      <Stack>
        <Title order={2} id="licence-heading">
          <FormattedMessage id="licence.title" />
        </Title>
        <Text>
          <FormattedMessage id={usable ? 'licence.usable' : 'licence.unpaid'} />
        </Text>
        {data.invoice && <InvoiceCard invoice={data.invoice} timeZone={timeZone} />}
        {data.status === 'UNPAID' && data.invoice && <PaymentPanel invoice={data.invoice} />}
        {usable && (
          <>
            <DownloadButton path={`/api/entries/${entryId}/logo-kit`} fileName="logo-kit.zip" w="fit-content">
              <FormattedMessage id="licence.downloadKit" />
            </DownloadButton>
            {data.validUntil && (
              <Text>
                <FormattedMessage id="licence.validUntil" values={{ date: day(data.validUntil, timeZone) }} />
              </Text>
            )}
            <Text>
              <FormattedMessage id="licence.verification" /> <Anchor href={data.verificationUrl}>{data.verificationUrl}</Anchor>
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}
