import { describe, expect, it } from 'vitest';
import { fieldPaths, splitApiMessage } from './api-message';

describe("the API's message, field by field", () => {
  const paths = fieldPaths({ siren: '', password: '', contactPoints: { PHONE: ['x'], EMAIL: [''] } });

  it('lists the form paths Mantine gives nested fields', () => {
    expect(paths).toEqual([
      'siren',
      'password',
      'contactPoints',
      'contactPoints.PHONE',
      'contactPoints.PHONE.0',
      'contactPoints.EMAIL',
      'contactPoints.EMAIL.0',
    ]);
  });

  it('puts each rule next to the field it starts with', () => {
    const split = splitApiMessage('siren must be a SIREN: 9 digits with a valid Luhn checksum; contactPoints.PHONE must hold phone numbers', paths);
    expect(split).toEqual({
      fields: { siren: 'siren must be a SIREN: 9 digits with a valid Luhn checksum', 'contactPoints.PHONE': 'contactPoints.PHONE must hold phone numbers' },
      general: [],
    });
  });

  it('puts a refusal that names a field in the middle next to it, whole, through the aliases', () => {
    const message = 'a company with SIREN 732829320 is already registered; ask one of its users to add you';
    expect(splitApiMessage(message, paths, { siren: /SIREN/ })).toEqual({ fields: { siren: message }, general: [] });
  });

  it('keeps for the form a refusal that names no field, and validation rules about fields it does not have', () => {
    expect(splitApiMessage('registration for edition 2027 closed at 10/03/2027', paths, { siren: /SIREN/ })).toEqual({
      fields: {},
      general: ['registration for edition 2027 closed at 10/03/2027'],
    });
    expect(splitApiMessage('password must be 10 to 128 characters long; property role should not exist', paths).general).toEqual([
      'property role should not exist',
    ]);
  });
});
