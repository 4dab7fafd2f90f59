import { Alert, Button, Card, CloseButton, Group, Radio, Stack, Stepper, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queries } from '../../api/queries';
import type { Category, Edition } from '../../api/types';
import { useCatalogue } from '../../api/useCatalogue';
import { FormAlert } from '../../forms/FormAlert';
import { useApiForm } from '../../forms/useApiForm';
import { MAX_PER_CHANNEL } from '../../rules/checks';
import { Countdown } from '../../ui/Countdown';
import { Fees } from '../../ui/Fees';
import { Instant } from '../../ui/Instant';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';
import { checkContactPoints, emptyContactPoints, entryBody, testedChannels, type Channel } from './contact-points';

const route = getRouteApi('/entries/new');

function CategoryDetails({ category, edition }: { category: Category; edition: Edition }) {
  return (
    <Stack gap={4}>
      <Fees exclVatCents={category.entryFeeCents} inclVatCents={category.entryFeeInclVatCents} />
      <Text size="sm">
        <FormattedMessage id="newEntry.tests" />{' '}
        {testedChannels(category.quotas).map((channel, index) => (
          <span key={channel}>
            {index > 0 && ', '}
            <FormattedMessage id="newEntry.quota" values={{ channel: <FormattedMessage id={`channel.${channel}`} />, count: category.quotas[channel] ?? 0 }} />
          </span>
        ))}
      </Text>
      <Text size="sm">
        <FormattedMessage id="home.deadline" /> <Instant iso={edition.registrationDeadline} timeZone={edition.timezone} /> {' — '}
        <Countdown until={edition.registrationDeadline} />
      </Text>
    </Stack>
  );
}

/** Registering an entry in four steps: the category, its contact points, a review, then the entry and its invoice. */
export function NewEntryPage() {
  const intl = useIntl();
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const catalogue = useCatalogue();
  const [step, setStep] = useState(0);
  const open = catalogue.editions.filter((edition) => edition.status === 'OPEN');
  const choices = open.flatMap((edition) => catalogue.categoriesOf(edition.id).filter((category) => category.status !== 'CANCELLED'));

  const { form, onSubmit, submitting, formError } = useApiForm({
    initialValues: { categoryId: search.categoryId ?? '', contactPoints: emptyContactPoints() },
    // As the user types: each contact point against its channel's rule (the "at least one" rule waits for "next").
    validate: (values) => {
      const category = catalogue.category(values.categoryId);
      const errors = checkContactPoints(values.contactPoints, category ? testedChannels(category.quotas) : []);
      return Object.fromEntries(
        Object.entries(errors)
          .filter(([path]) => path !== 'contactPoints')
          .map(([path, id]) => [path, intl.formatMessage({ id })]),
      );
    },
    onRefused: (fields) => {
      if (fields.some((field) => field.startsWith('contactPoints'))) setStep(1);
      else if (fields.includes('categoryId')) setStep(0);
    },
    submit: async (values) => {
      const category = catalogue.category(values.categoryId)!;
      const entry = await unwrap(api.POST('/api/entries', { body: entryBody(values.categoryId, values.contactPoints, testedChannels(category.quotas)) }));
      await queryClient.invalidateQueries({ queryKey: queries.entries().queryKey });
      await queryClient.invalidateQueries({ queryKey: queries.invoices().queryKey });
      await navigate({ to: '/entries/$entryId', params: { entryId: entry.id } });
    },
  });

  const values = form.getValues();
  const category = catalogue.category(values.categoryId);
  const edition = category && catalogue.edition(category.editionId);
  const channels: Channel[] = category ? testedChannels(category.quotas) : [];

  const next = () => {
    if (step === 0) {
      if (!category) return form.setFieldError('categoryId', intl.formatMessage({ id: 'newEntry.pickCategory' }));
    }
    if (step === 1) {
      const errors = checkContactPoints(values.contactPoints, channels);
      if (Object.keys(errors).length) return form.setErrors(Object.fromEntries(Object.entries(errors).map(([path, id]) => [path, intl.formatMessage({ id })])));
    }
    setStep(step + 1);
  };

  const setPoints = (channel: Channel, points: string[]) => form.setFieldValue(`contactPoints.${channel}` as 'contactPoints', points as never);

  return (
    <Page title="newEntry.title">
      <QueryState query={{ data: catalogue.isPending ? undefined : choices, error: catalogue.error, isPending: catalogue.isPending }}>
        {(categories) =>
          categories.length === 0 ? (
            <Text>
              <FormattedMessage id="home.noOpenEdition" />
            </Text>
          ) : (
            <form onSubmit={onSubmit} noValidate>
              <Stepper active={step} onStepClick={(target) => target < step && setStep(target)} allowNextStepsSelect={false}>
                <Stepper.Step label={intl.formatMessage({ id: 'newEntry.step.category' })}>
                  <Radio.Group label={<FormattedMessage id="newEntry.pickCategory" />} required {...form.getInputProps('categoryId')}>
                    <Stack mt="sm">
                      {categories.map((choice) => (
                        <Card key={choice.id} withBorder>
                          <Radio
                            value={choice.id}
                            label={
                              <Text fw={600}>
                                <FormattedMessage id="common.pair" values={{ first: catalogue.edition(choice.editionId)?.name, second: choice.name }} />
                              </Text>
                            }
                          />
                          <Stack pl="xl" mt="xs">
                            <CategoryDetails category={choice} edition={catalogue.edition(choice.editionId)!} />
                          </Stack>
                        </Card>
                      ))}
                    </Stack>
                  </Radio.Group>
                </Stepper.Step>

                <Stepper.Step label={intl.formatMessage({ id: 'newEntry.step.contactPoints' })}>
                  <Stack>
                    <Text>
                      <FormattedMessage id="newEntry.contactPointsIntro" />
                    </Text>
                    {form.errors.contactPoints && (
                      <Alert color="red" role="alert">
                        {form.errors.contactPoints}
                      </Alert>
                    )}
                    {channels.map((channel) => {
                      const points = values.contactPoints[channel];
                      return (
                        <fieldset key={channel} style={{ border: 0, padding: 0, margin: 0 }}>
                          <Title order={2} size="h4" component="legend" mb="xs">
                            <FormattedMessage id={`channel.${channel}`} />
                          </Title>
                          <Stack gap="xs">
                            {points.map((_, index) => (
                              <Group key={index} align="flex-start" wrap="nowrap">
                                <TextInput
                                  flex={1}
                                  label={intl.formatMessage(
                                    { id: 'newEntry.contactPoint' },
                                    { channel: intl.formatMessage({ id: `channel.${channel}` }), n: index + 1 },
                                  )}
                                  placeholder={intl.formatMessage({ id: `channel.${channel}.example` })}
                                  {...form.getInputProps(`contactPoints.${channel}.${index}`)}
                                />
                                {points.length > 1 && (
                                  <CloseButton
                                    mt={28}
                                    aria-label={intl.formatMessage({ id: 'newEntry.removePoint' }, { n: index + 1 })}
                                    onClick={() =>
                                      setPoints(
                                        channel,
                                        points.filter((__, i) => i !== index),
                                      )
                                    }
                                  />
                                )}
                              </Group>
                            ))}
                            {form.errors[`contactPoints.${channel}`] && (
                              <Text c="red.8" size="sm" role="alert">
                                {form.errors[`contactPoints.${channel}`]}
                              </Text>
                            )}
                            {points.length < MAX_PER_CHANNEL && (
                              <Button variant="subtle" size="xs" w="fit-content" onClick={() => setPoints(channel, [...points, ''])}>
                                <FormattedMessage id="newEntry.addPoint" values={{ channel: intl.formatMessage({ id: `channel.${channel}` }) }} />
                              </Button>
                            )}
                          </Stack>
                        </fieldset>
                      );
                    })}
                  </Stack>
                </Stepper.Step>

                <Stepper.Step label={intl.formatMessage({ id: 'newEntry.step.review' })}>
                  {category && edition && (
                    <Stack>
                      <FormAlert message={formError} />
                      <Title order={2} size="h3">
                        <FormattedMessage id="common.pair" values={{ first: edition.name, second: category.name }} />
                      </Title>
                      <CategoryDetails category={category} edition={edition} />
                      <Table>
                        <Table.Tbody>
                          {channels
                            .filter((channel) => values.contactPoints[channel].some((point) => point.trim()))
                            .map((channel) => (
                              <Table.Tr key={channel}>
                                <Table.Th scope="row">
                                  <FormattedMessage id={`channel.${channel}`} />
                                </Table.Th>
                                <Table.Td>{values.contactPoints[channel].filter((point) => point.trim()).join(', ')}</Table.Td>
                              </Table.Tr>
                            ))}
                        </Table.Tbody>
                      </Table>
                      <Text size="sm">
                        <FormattedMessage id="newEntry.invoiceNotice" />
                      </Text>
                    </Stack>
                  )}
                </Stepper.Step>
              </Stepper>
              <Group justify="space-between" mt="xl">
                <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)}>
                  <FormattedMessage id="common.back" />
                </Button>
                {step < 2 ? (
                  // Distinct keys: React must not turn this very button into the submit button while it is being clicked.
                  <Button key="next" onClick={next}>
                    <FormattedMessage id="common.next" />
                  </Button>
                ) : (
                  <Button key="submit" type="submit" loading={submitting}>
                    <FormattedMessage id="newEntry.confirm" />
                  </Button>
                )}
              </Group>
            </form>
          )
        }
      </QueryState>
    </Page>
  );
}
