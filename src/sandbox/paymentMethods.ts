import type { PaymentFlow } from './SandboxStore';
import { iconDataUrl } from './icons';
import type { SandboxRuntime } from './runtime';
import type { SandboxPaymentMethodConfig } from './types';

/** A catalogue method with every default filled in. */
export interface ResolvedPaymentMethod {
  type: string;
  name: string;
  description: string;
  category: string;
  icon: string;
  flow: PaymentFlow;
  enabled: boolean;
  rules: ReadonlyArray<Record<string, unknown>> | null;
  sdkRequiredAction: boolean;
  preferred: boolean;
}

interface CatalogueEntry {
  type: string;
  countries: readonly string[] | '*';
  /** Listed, disabled, in the countries it does not serve: clients must filter on `conditions.enabled`. */
  listedElsewhere?: boolean;
}

/**
 * The default catalogue: cards everywhere, plus the methods of each country Yuno's docs use in examples. PIX and
 * PayPal are also listed where they are not available, disabled by a COUNTRY rule, so that every country's list has a
 * method a client must leave out.
 */
const CATALOGUE: readonly CatalogueEntry[] = [
  { type: 'CARD', countries: '*' },
  { type: 'PIX', countries: ['BR'], listedElsewhere: true },
  { type: 'BOLETO', countries: ['BR'] },
  { type: 'MERCADO_PAGO_CHECKOUT_PRO', countries: ['AR', 'BR', 'CL', 'CO', 'MX', 'PE', 'UY'] },
  { type: 'PSE', countries: ['CO'] },
  { type: 'EFECTY', countries: ['CO'] },
  { type: 'OXXO', countries: ['MX'] },
  { type: 'PAYPAL', countries: ['US'], listedElsewhere: true },
  // The wallets Yuno's Web SDK offers as express buttons (`mountExternalButtons`: APPLE_PAY, GOOGLE_PAY, PAYPAL),
  // listed where PayPal is; a custom catalogue (`paymentMethods`) offers them elsewhere.
  { type: 'APPLE_PAY', countries: ['US'] },
  { type: 'GOOGLE_PAY', countries: ['US'] },
];

const NAMES: Record<string, string> = {
  CARD: 'Card',
  PIX: 'PIX',
  BOLETO: 'Boleto',
  MERCADO_PAGO_CHECKOUT_PRO: 'Mercado Pago',
  PSE: 'PSE',
  EFECTY: 'Efecty',
  OXXO: 'OXXO',
  PAYPAL: 'PayPal',
  APPLE_PAY: 'Apple Pay',
  GOOGLE_PAY: 'Google Pay',
};

const BANK_TRANSFER_TYPES = new Set(['PIX', 'PSE', 'SPEI', 'BANK_TRANSFER', 'BANCOLOMBIA_TRANSFER', 'CODI', 'KHIPU']);
const TICKET_TYPES = new Set(['OXXO', 'BOLETO', 'EFECTY', 'CASH', 'PAYVALIDA', 'PAGO_FACIL', 'RAPIPAGO']);
const BNPL_TYPES = new Set(['ADDI', 'ACUOTAZ', 'WIBOND', 'KLARNA']);
const QR_TYPES = new Set(['PIX', 'CODI']);

function titleCase(type: string): string {
  return type
    .toLowerCase()
    .split('_')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

export function defaultCategory(type: string): string {
  if (type === 'CARD') return 'CARD';
  if (BANK_TRANSFER_TYPES.has(type)) return 'BANK_TRANSFER';
  if (TICKET_TYPES.has(type)) return 'TICKET';
  if (BNPL_TYPES.has(type)) return 'BNPL';
  return 'WALLET';
}

export function defaultFlow(type: string, category: string): PaymentFlow {
  if (type === 'CARD') return 'card';
  if (QR_TYPES.has(type)) return 'qr';
  if (category === 'TICKET') return 'voucher';
  return 'redirect';
}

/** A COUNTRY rule as Yuno lists it on a method whose conditions exclude the session. */
export function countryRule(countries: readonly string[]): Record<string, unknown> {
  const name = countries.join('-');
  return {
    condition: 'INCLUDE',
    condition_group_code: `sandbox-country-${name.toLowerCase()}`,
    condition_name: `Country-${name}`,
    type: 'COUNTRY',
    values: { countries: [...countries], currency: null, max: null, metadata: null, min: null },
  };
}

function defaultCatalogue(country: string): SandboxPaymentMethodConfig[] {
  const methods: SandboxPaymentMethodConfig[] = [];
  for (const entry of CATALOGUE) {
    const available = entry.countries === '*' || entry.countries.includes(country);
    if (available) methods.push({ type: entry.type });
    else if (entry.listedElsewhere && entry.countries !== '*') {
      methods.push({ type: entry.type, enabled: false, rules: [countryRule(entry.countries)] });
    }
  }
  return methods;
}

export function resolvePaymentMethod(config: SandboxPaymentMethodConfig): ResolvedPaymentMethod {
  const type = config.type.toUpperCase();
  const name = config.name ?? NAMES[type] ?? titleCase(type);
  const category = config.category ?? defaultCategory(type);
  const enabled = config.enabled ?? true;
  return {
    type,
    name,
    description: config.description ?? name,
    category,
    icon: config.icon ?? iconDataUrl(type, name),
    flow: config.flow ?? defaultFlow(type, category),
    enabled,
    rules: config.rules === undefined ? null : config.rules,
    sdkRequiredAction: config.sdkRequiredAction ?? true,
    preferred: config.preferred ?? false,
  };
}

/** The catalogue for a checkout: the merchant's override when given, else the default one. */
export function catalogueFor(
  rt: SandboxRuntime,
  context: { country: string; currency: string | undefined; customerId: string | undefined },
): ResolvedPaymentMethod[] {
  const configs = rt.paymentMethods ? rt.paymentMethods(context) : defaultCatalogue(context.country);
  return configs.map(resolvePaymentMethod);
}
