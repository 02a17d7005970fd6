import { describe, expect, it } from 'vitest';
import { DOCUMENT_COUNTRIES, documentTypesFor, validateDocument } from 'yuno-react/card';

describe('documentTypesFor', () => {
  it('lists each country’s documents, the usual one first', () => {
    expect(documentTypesFor('BR')).toEqual(['CPF', 'CNPJ']);
    expect(documentTypesFor('co')).toEqual(['CC', 'NIT']);
    expect(documentTypesFor('AR')).toEqual(['DNI', 'CUIL']);
    expect(documentTypesFor('CL')).toEqual(['RUT']);
    expect(documentTypesFor('MX')).toEqual(['CURP', 'RFC']);
    expect(documentTypesFor('US')).toEqual(['PASSPORT']);
    expect([...DOCUMENT_COUNTRIES].sort()).toEqual(['AR', 'BR', 'CL', 'CO', 'MX']);
  });
});

describe('validateDocument', () => {
  it.each([
    ['BR', 'CPF', '529.982.247-25'],
    ['BR', 'CPF', '11144477735'],
    ['BR', 'CNPJ', '11.222.333/0001-81'],
    ['BR', 'CNPJ', '12.ABC.345/01DE-35'],
    ['CO', 'CC', '1020304050'],
    ['CO', 'NIT', '800.197.268-4'],
    ['CO', 'NIT', '9003731153'],
    ['AR', 'DNI', '12.345.678'],
    ['AR', 'CUIL', '20-12345678-6'],
    ['AR', 'CUIL', '33693450239'],
    ['CL', 'RUT', '12.345.678-5'],
    ['CL', 'RUT', '11111111-1'],
    ['MX', 'CURP', 'HEGG560427MVZRRL04'],
    ['MX', 'RFC', 'GODE561231GR8'],
    ['MX', 'RFC', 'ABC680524P76'],
    ['US', 'PASSPORT', 'X1234567'],
  ])('%s %s %s is valid', (country, type, number) => {
    expect(validateDocument(country, type, number)).toBe(true);
  });

  it.each([
    ['BR', 'CPF', '529.982.247-24', 'wrong check digit'],
    ['BR', 'CPF', '111.111.111-11', 'one digit repeated'],
    ['BR', 'CPF', '5299822472', 'too short'],
    ['BR', 'CNPJ', '11.222.333/0001-80', 'wrong check digit'],
    ['CO', 'CC', '0123456', 'leading zero'],
    ['CO', 'CC', '123', 'too short'],
    ['CO', 'NIT', '800.197.268-5', 'wrong check digit'],
    ['AR', 'DNI', '123456', 'too short'],
    ['AR', 'CUIL', '20-12345678-7', 'wrong check digit'],
    ['AR', 'CUIL', '21-12345678-6', 'unknown prefix'],
    ['CL', 'RUT', '12.345.678-9', 'wrong check digit'],
    ['CL', 'RUT', '12.345.678-K', 'wrong check letter'],
    ['MX', 'CURP', 'HEGG560427MVZRRL05', 'wrong check digit'],
    ['MX', 'CURP', 'HEGG561327MVZRRL04', 'month 13'],
    ['MX', 'RFC', 'GODE561331GR8', 'month 13'],
    ['MX', 'RFC', 'GODE560230GR8', '30 February'],
    ['BR', 'RUT', '12.345.678-5', 'a type Brazil does not use'],
    ['US', 'PASSPORT', 'X1', 'too short'],
  ])('%s %s %s is refused (%s)', (country, type, number) => {
    expect(validateDocument(country, type, number)).toBe(false);
  });
});
