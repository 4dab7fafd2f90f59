import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { Entry } from '../../api/types';
import { queries } from '../../api/queries';
import { FormAlert } from '../../forms/FormAlert';

/** Withdrawing asks for confirmation: it cancels the invoice by a credit note, which the page then shows. */
export function WithdrawButton({ entry }: { entry: Entry }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/entries/{id}/withdraw', { params: { path: { id: entry.id } } })),
    onSuccess: async () => {
      // The entry (with its timeline), the lists and the new credit note are read again.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queries.entries().queryKey }),
        queryClient.invalidateQueries({ queryKey: queries.invoices().queryKey }),
      ]);
      setAsking(false);
    },
  });
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setAsking(true)} w="fit-content">
        <FormattedMessage id="withdraw.button" />
      </Button>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={intl.formatMessage({ id: 'withdraw.title' })}
        closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'common.close' }) }}
      >
        <Stack>
          <Text>
            <FormattedMessage id="withdraw.confirm" />
          </Text>
          <FormAlert
            message={withdraw.error ? (withdraw.error instanceof ApiError ? withdraw.error.message : intl.formatMessage({ id: 'form.unreachable' })) : null}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              <FormattedMessage id="common.cancel" />
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
              <FormattedMessage id="withdraw.do" />
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
