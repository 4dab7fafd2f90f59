import { useForm, type FormValidateInput } from '@mantine/form';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../api/errors';
import { fieldPaths, splitApiMessage } from './api-message';

interface ApiFormOptions<Values> {
  initialValues: Values;
  /** The API's own rules, checked as the user types. */
  validate?: FormValidateInput<Values>;
  /** Fields an API message names without starting with them (e.g. `{ siren: /SIREN/ }`). */
  aliases?: Record<string, RegExp>;
  submit(values: Values): Promise<unknown>;
  /** Told which fields the API's refusal named (e.g. to go back to the step that holds them). */
  onRefused?(fields: string[]): void;
}

/**
 * One way for every form: inline checks as the user types, then the API's answer. A refusal puts the
 * API's message next to the field it names (or in the form's alert) and keeps everything typed.
 */
export function useApiForm<Values extends Record<string, unknown>>({ initialValues, validate, aliases, submit, onRefused }: ApiFormOptions<Values>) {
  const intl = useIntl();
  const form = useForm<Values>({ mode: 'controlled', initialValues, validate, validateInputOnChange: true });
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    setSubmitting(true);
    try {
      await submit(values);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFormError(intl.formatMessage({ id: 'form.unreachable' }));
        return;
      }
      const { fields, general } = splitApiMessage(error.body.message, fieldPaths(form.getValues()), aliases);
      form.setErrors(fields);
      onRefused?.(Object.keys(fields));
      setFormError(general.length ? general.join(' ') : null);
    } finally {
      setSubmitting(false);
    }
  });

  return { form, onSubmit, submitting, formError };
}
