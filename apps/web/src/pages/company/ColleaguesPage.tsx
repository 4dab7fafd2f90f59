import { Badge, Button, Card, Group, Modal, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { Colleague } from '../../api/types';
import { queries } from '../../api/queries';
import { useAuth } from '../../auth/AuthProvider';
import { FormAlert } from '../../forms/FormAlert';
import { rule } from '../../forms/fields';
import { useApiForm } from '../../forms/useApiForm';
import { useLocale } from '../../i18n/I18nProvider';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../i18n/locale';
import { checks } from '../../rules/checks';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';

function InviteColleague() {
  const intl = useIntl();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const { form, onSubmit, submitting, formError } = useApiForm({
    initialValues: { email: '', locale: locale as Locale },
    validate: { email: rule(intl, checks.email) },
    aliases: { email: /e-mail|address/ },
    submit: async (body) => {
      await unwrap(api.POST('/api/companies/me/users', { body }));
      notifications.show({ color: 'green', message: intl.formatMessage({ id: 'colleagues.invited' }, { email: body.email }) });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: queries.colleagues().queryKey });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={480}>
        <FormAlert message={formError} />
        <TextInput label={intl.formatMessage({ id: 'field.email' })} required type="email" {...form.getInputProps('email')} />
        <NativeSelect
          label={intl.formatMessage({ id: 'colleagues.language' })}
          data={LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
          {...form.getInputProps('locale')}
        />
        <Button type="submit" loading={submitting} w="fit-content">
          <FormattedMessage id="colleagues.invite" />
        </Button>
      </Stack>
    </form>
  );
}

function RemoveColleague({ colleague, onClose }: { colleague: Colleague; onClose(): void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/companies/me/users/{id}', { params: { path: { id: colleague.id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queries.colleagues().queryKey });
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={intl.formatMessage({ id: 'colleagues.removeTitle' })}
      closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'common.close' }) }}
    >
      <Stack>
        <Text>
          <FormattedMessage id="colleagues.removeConfirm" values={{ email: <strong>{colleague.email}</strong> }} />
        </Text>
        <FormAlert message={remove.error instanceof ApiError ? remove.error.message : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            <FormattedMessage id="common.cancel" />
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            <FormattedMessage id="colleagues.remove" />
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Several users per company, as the rulebook says: each receives the company's e-mails. */
export function ColleaguesPage() {
  const intl = useIntl();
  const { user } = useAuth();
  const colleagues = useQuery(queries.colleagues());
  const [removing, setRemoving] = useState<Colleague | null>(null);
  return (
    <Page title="colleagues.title">
      <Text>
        <FormattedMessage id="colleagues.intro" />
      </Text>
      <QueryState query={colleagues}>
        {(list) => (
          <Table striped>
            <Table.Caption>
              <FormattedMessage id="colleagues.caption" values={{ count: list.length }} />
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <FormattedMessage id="field.email" />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage id="colleagues.state" />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage id="colleagues.actions" />
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((colleague) => (
                <Table.Tr key={colleague.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{colleague.email}</Table.Td>
                  <Table.Td>
                    <Badge variant="dot" size="lg" color={colleague.confirmed ? 'green' : 'gray'}>
                      <FormattedMessage id={colleague.confirmed ? 'colleagues.active' : 'colleagues.pending'} />
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {colleague.id === user?.id ? (
                      <Text size="sm">
                        <FormattedMessage id="colleagues.you" />
                      </Text>
                    ) : (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setRemoving(colleague)}
                        aria-label={intl.formatMessage({ id: 'colleagues.removeNamed' }, { email: colleague.email })}
                      >
                        <FormattedMessage id="colleagues.remove" />
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Card withBorder component="section" aria-labelledby="invite-heading">
        <Title order={2} id="invite-heading" mb="sm">
          <FormattedMessage id="colleagues.invite" />
        </Title>
        <InviteColleague />
      </Card>
      {removing && <RemoveColleague colleague={removing} onClose={() => setRemoving(null)} />}
    </Page>
  );
}
