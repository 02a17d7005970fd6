import type { CustomerPayer } from '../core';
import type { SandboxRuntime } from './runtime';

type Json = Record<string, unknown>;

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Yuno's examples send the screen values as strings; a number from a client is kept as its string. */
function browserInfoView(info: unknown): Json {
  const given = info && typeof info === 'object' ? (info as Json) : {};
  const text = (key: string) => {
    const value = given[key];
    return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  };
  return {
    user_agent: text('user_agent'),
    accept_header: text('accept_header'),
    accept_content: given.accept_content ?? null,
    accept_browser: given.accept_browser ?? null,
    color_depth: text('color_depth'),
    screen_height: text('screen_height'),
    screen_width: text('screen_width'),
    javascript_enabled: given.javascript_enabled ?? null,
    java_enabled: given.java_enabled ?? null,
    browser_time_difference: given.browser_time_difference ?? null,
    language: text('language'),
    platform: given.platform ?? null,
  };
}

/** An address as Yuno echoes it on a payment: the second line always there ("" when not given), the neighborhood too. */
function addressView(address: unknown): Json | null {
  if (!address || typeof address !== 'object') return null;
  const given = address as Json;
  return { ...given, address_line_2: given.address_line_2 ?? '', neighborhood: given.neighborhood ?? null };
}

/** `customer_payer` of a payment: the Yuno customer, then what the token and the request add. */
export function customerPayerView(
  rt: SandboxRuntime,
  customerId: string | null,
  fromToken: CustomerPayer | null,
  fromRequest: CustomerPayer | undefined,
): Json {
  const customer = customerId ? rt.store.customers.get(customerId) : undefined;
  const merged: Json = { ...(customer?.fields ?? {}), ...(fromToken ?? {}), ...(fromRequest ?? {}) };
  const pick = (key: string) => merged[key] ?? null;
  // Yuno sends these as "" rather than null when the shopper gave none.
  const text = (key: string) => stringOrNull(merged[key]) ?? '';
  return {
    id: customerId,
    merchant_customer_id: customer?.merchantCustomerId ?? stringOrNull(merged.merchant_customer_id),
    first_name: text('first_name'),
    last_name: text('last_name'),
    gender: pick('gender'),
    date_of_birth: pick('date_of_birth'),
    email: text('email'),
    nationality: text('nationality'),
    ip_address: pick('ip_address'),
    device_fingerprint: pick('device_fingerprint'),
    device_fingerprints: Array.isArray(merged.device_fingerprints) ? merged.device_fingerprints : [],
    browser_info: browserInfoView(merged.browser_info),
    document: pick('document'),
    phone: pick('phone'),
    billing_address: addressView(merged.billing_address),
    shipping_address: addressView(merged.shipping_address),
    geolocation: pick('geolocation'),
    merchant_customer_validations: pick('merchant_customer_validations'),
    merchant_customer_created_at: pick('merchant_customer_created_at'),
  };
}
