import { badRequest } from './SandboxHttpError';
import type { SandboxRuntime } from './runtime';
import { findCheckoutSession } from './sessions';

/**
 * PSE's banks in Colombia, as Yuno's Retrieve Issuers example lists them (ids and names unchanged). They are the bank
 * list the sandbox offers for PSE; other methods have no issuers to choose from.
 */
export const PSE_ISSUERS: ReadonlyArray<{ id: string; name: string }> = [
  { id: '1001', name: 'BANCO DE BOGOTÁ' },
  { id: '1002', name: 'BANCO POPULAR' },
  { id: '1005', name: 'BANCO UNIÓN COLOMBIANO FD2' },
  { id: '1006', name: 'ITAÚ' },
  { id: '1007', name: 'BANCOLOMBIA' },
  { id: '1009', name: 'CITIBANK' },
  { id: '1012', name: 'BANCO GNB SUDAMERIS' },
  { id: '1013', name: 'BBVA COLOMBIA S.A.' },
  { id: '1019', name: 'SCOTIABANK COLPATRIA DESARROLLO' },
  { id: '1022', name: 'BANCO UNIÓN COLOMBIANO' },
  { id: '1023', name: 'BANCO DE OCCIDENTE' },
  { id: '1032', name: 'BANCO CAJA SOCIAL DESARROLLO' },
  { id: '1040', name: 'BANCO AGRARIO' },
  { id: '1051', name: 'BANCO DAVIVIENDA' },
  { id: '1052', name: 'BANCO COMERCIAL AV VILLAS S.A.' },
  { id: '1059', name: 'BANCAMÍA' },
  { id: '1060', name: 'BANCO PICHINCHA S.A.' },
  { id: '1061', name: 'BANCO COOMEVA S.A.' },
  { id: '1062', name: 'BANCO FALABELLA' },
  { id: '1063', name: 'BANCO FINANDINA S.A. BIC' },
  { id: '1065', name: 'BANCO SANTANDER COLOMBIA' },
  { id: '1066', name: 'BANCO COOPERATIVO COOPCENTRAL' },
  { id: '1069', name: 'BANCO SERFINANZA' },
  { id: '1070', name: 'LULO BANK' },
  { id: '1078', name: 'SCOTIABANK COLPATRIA UAT' },
  { id: '1097', name: 'DALE' },
  { id: '1283', name: 'COOPERATIVA FINANCIERA DE ANTIOQUIA CFA' },
  { id: '1289', name: 'COOPERATIVA FINANCIERA COTRAFA' },
  { id: '1291', name: 'COOFINEP COOPERATIVA FINANCIERA' },
  { id: '1292', name: 'CONFIAR COOPERATIVA FINANCIERA' },
  { id: '1370', name: 'COLTEFINANCIERA' },
  { id: '1637', name: 'IRIS' },
  { id: '1801', name: 'MOVII S.A.' },
  { id: '1802', name: 'DING TECNIPAGOS S.A.' },
  { id: '1803', name: 'POWWI' },
  { id: '1804', name: 'UALÁ' },
  { id: '1808', name: 'BOLD CF' },
  { id: '1809', name: 'NU' },
  { id: '1811', name: 'RAPPIPAY' },
  { id: '1812', name: 'COINK S.A.' },
];

/** Issuers per country and payment method. */
const ISSUERS: Readonly<Record<string, Readonly<Record<string, ReadonlyArray<{ id: string; name: string }>>>>> = {
  CO: { PSE: PSE_ISSUERS },
};

/**
 * `GET /v1/issuers`: the banks of a bank-transfer method, for a checkout session's country or the given
 * `country_code`, filtered by `payment_method`. Without either a session or a country there is nothing to list.
 */
export function issuersFor(
  rt: SandboxRuntime,
  query: { checkoutSession: string | null; countryCode: string | null; paymentMethod: string | null },
): Array<{ id: string; name: string }> {
  let country = query.countryCode?.toUpperCase() ?? null;
  if (query.checkoutSession) {
    const session = findCheckoutSession(rt, query.checkoutSession);
    if (country && country !== session.country) {
      throw badRequest('INVALID_REQUEST', 'Invalid request: country_code does not match the checkout session');
    }
    country = session.country;
  }
  if (!country) throw badRequest('INVALID_REQUEST', 'Invalid request: checkout_session or country_code is required');
  const byMethod = ISSUERS[country] ?? {};
  const method = query.paymentMethod?.toUpperCase();
  const lists = method ? [byMethod[method] ?? []] : Object.values(byMethod);
  return lists.flat().map((issuer) => ({ ...issuer }));
}
