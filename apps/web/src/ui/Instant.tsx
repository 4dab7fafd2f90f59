import { Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { useFormat } from '../format/useFormat';

/** An instant in the edition's zone with its abbreviation, and in the viewer's zone too when that is another. */
export function Instant({ iso, timeZone }: { iso: string; timeZone: string }) {
  const { instant } = useFormat();
  const { inZone, inViewerZone } = instant(iso, timeZone);
  return (
    <span>
      <time dateTime={iso}>{inZone}</time>
      {inViewerZone && (
        <Text span size="sm" c="dimmed">
          {' '}
          <FormattedMessage id="time.yourZone" values={{ time: inViewerZone }} />
        </Text>
      )}
    </span>
  );
}
