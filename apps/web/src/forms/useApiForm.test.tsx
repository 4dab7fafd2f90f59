import { Button, TextInput } from '@mantine/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { renderInPortal } from '../test/render';
import { FormAlert } from './FormAlert';
import { useApiForm } from './useApiForm';

function SignupLike({ submit }: { submit: (values: { siren: string; email: string }) => Promise<unknown> }) {
  const { form, onSubmit, formError } = useApiForm({
    initialValues: { siren: '', email: '' },
    validate: { email: (value) => (value.includes('@') ? null : 'not an address') },
    aliases: { siren: /SIREN/ },
    submit,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      <TextInput label="SIREN" {...form.getInputProps('siren')} />
      <TextInput label="E-mail" {...form.getInputProps('email')} />
      <Button type="submit">Send</Button>
    </form>
  );
}

const refusal = (message: string) => new ApiError(409, { statusCode: 409, error: 'Conflict', message });

describe('useApiForm', () => {
  it("shows the API's message next to the field it names and keeps what was typed", async () => {
    const submit = vi.fn().mockRejectedValue(refusal('a company with SIREN 732829320 is already registered; ask one of its users to add you'));
    renderInPortal(<SignupLike submit={submit} />);
    await userEvent.type(screen.getByLabelText('SIREN'), '732829320');
    await userEvent.type(screen.getByLabelText('E-mail'), 'claire@example.fr');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect(submit).toHaveBeenCalledWith({ siren: '732829320', email: 'claire@example.fr' });
    const siren = screen.getByLabelText('SIREN');
    expect(siren).toHaveProperty('value', '732829320');
    expect(siren.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(
        siren
          .getAttribute('aria-describedby')!
          .split(' ')
          .find((id) => id.includes('error'))!,
      )?.textContent,
    ).toMatch(/already registered/);
    expect(screen.getByLabelText('E-mail')).toHaveProperty('value', 'claire@example.fr');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts a message that names no field in the form alert', async () => {
    renderInPortal(<SignupLike submit={() => Promise.reject(refusal('registration for edition 2027 closed at 10/03/2027 23:59:59 (Europe/Paris)'))} />);
    await userEvent.type(screen.getByLabelText('E-mail'), 'claire@example.fr');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert').textContent).toMatch(/closed at 10\/03\/2027 23:59:59 \(Europe\/Paris\)/);
    expect(screen.getByLabelText('E-mail')).toHaveProperty('value', 'claire@example.fr');
  });

  it('checks as the user types and does not call the API with a value that breaks a rule', async () => {
    const submit = vi.fn();
    renderInPortal(<SignupLike submit={submit} />);
    await userEvent.type(screen.getByLabelText('E-mail'), 'claire');
    expect(screen.getByText('not an address')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(submit).not.toHaveBeenCalled();
  });
});
