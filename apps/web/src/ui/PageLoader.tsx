import { Center, Loader } from '@mantine/core';
import { useIntl } from 'react-intl';

export function PageLoader() {
  const intl = useIntl();
  return (
    <Center mih="40vh">
      <Loader role="status" aria-label={intl.formatMessage({ id: 'common.loading' })} />
    </Center>
  );
}
