// A test double of Yuno's documented Secure Fields surfaces, over the sandbox's SDK routes (through the Web SDK
// stand-in's headless calls): 2.x `transaction.secureFields()` / `create` / `mount` / `start`
// (docs.y.uno/docs/yuno-sdk/features/secure-fields) and 1.x `yuno.secureFields()` / `create` / `render` /
// `generateTokenWithInformation` / `generateVaultedToken` (@yuno-payments/sdk-web-types). The card lives in the fake
// fields (the test types it with `field.type(...)`), never in the page, as in Yuno's iframes. Every call the drivers
// make on Yuno's surface is recorded in `calls`.
import type { Yuno, YunoInstance } from '@yuno-payments/sdk-web-types';
import type { YunoSdkV2Loader } from 'yuno-react';
import type {
  YunoSdkV2Instance,
  YunoSdkV2PaymentMethodSelected,
  YunoSdkV2SecureFieldChange,
  YunoSdkV2SecureFieldOptions,
  YunoSdkV2StatusResult,
  YunoSdkV2TransactionConfig,
} from 'yuno-react/core';
import { createSandboxWebSdk, type SandboxWebSdkOptions } from 'yuno-react/sandbox';

export interface FakeCall {
  method: string;
  args: unknown;
}

/** One fake field: what the driver made it with, where it is, and what the shopper typed in it. */
export interface FakeField {
  readonly name: string;
  readonly options: YunoSdkV2SecureFieldOptions;
  /** The selector it is mounted (2.x) or rendered (1.x) into, or null. */
  selector: string | null;
  /** The value the shopper typed (inside the frame). */
  value: string;
  /** The error painted under it (`setError`), or null. */
  error: string | null;
  /** Its own method calls, in order (`focus`, `validate`, `clearValue`, `setError`, `clearError`, `unmountSync`). */
  calls: string[];
  /** The shopper types `value`; the field reports `onChange` as Yuno's does. */
  type(value: string): void;
}

export interface FakeSecureFieldsState {
  calls: FakeCall[];
  /** The fields of every `secureFields` instance, latest last. */
  fields: FakeField[];
  /** The latest field of that name. */
  field(name: string): FakeField;
  /** `unmountSync` calls of the instances. */
  instanceUnmounts: number;
}

function newState(): FakeSecureFieldsState {
  const state: FakeSecureFieldsState = {
    calls: [],
    fields: [],
    instanceUnmounts: 0,
    field(name) {
      const found = [...state.fields].reverse().find((f) => f.name === name);
      if (!found) throw new Error(`no ${name} field was created`);
      return found;
    },
  };
  return state;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function brandOf(digits: string): string | undefined {
  if (/^4/.test(digits)) return 'VISA';
  if (/^5[1-5]/.test(digits)) return 'MASTERCARD';
  return undefined;
}

function validValue(name: string, value: string): boolean {
  if (name === 'pan') return /^\d{13,19}$/.test(value) && luhn(value);
  if (name === 'expiration') return /^(0[1-9]|1[0-2])\/\d{2}$/.test(value);
  if (name === 'cvv') return /^\d{3,4}$/.test(value);
  return true;
}

/** The `onChange` payload a Yuno field gives: `{ error, data, isDirty }`; `data` (IIN, installments) for `pan`. */
function changeOf(name: string, value: string, installments: boolean): YunoSdkV2SecureFieldChange {
  const error = !validValue(name, value);
  if (name !== 'pan') return { error, isDirty: value !== '' };
  const brand = brandOf(value);
  return {
    error,
    isDirty: value !== '',
    data: {
      cardIIN: value.length >= 6 ? { iin: value.slice(0, 8), brand: brand ?? '' } : null,
      cardConfig: brand ? { brand } : null,
      isCardIINLoading: false,
      isInstallmentLoading: false,
      ...(installments && !error
        ? {
            installments: [
              { installmentId: 'plan-1', installment: 1, amount: { currency: 'USD', value: '25', total_value: '25' } },
              {
                installmentId: 'plan-3',
                installment: 3,
                amount: { currency: 'USD', value: '8.5', total_value: '25.5' },
              },
            ],
          }
        : {}),
    },
  };
}

function newField(
  state: FakeSecureFieldsState,
  name: string,
  options: YunoSdkV2SecureFieldOptions,
  installments: boolean,
) {
  const field: FakeField = {
    name,
    options,
    selector: null,
    value: '',
    error: null,
    calls: [],
    type(value) {
      field.value = value;
      options.onChange?.(changeOf(name, value, installments));
    },
  };
  state.fields.push(field);
  const place = (selector: string) => {
    // Yuno's fields mount into the element a selector finds; one that finds none fails.
    if (typeof selector !== 'string' || document.querySelector(selector) === null) {
      throw new Error(`no element matches ${String(selector)}`);
    }
    field.selector = selector;
    options.onRenderedSecureField?.();
  };
  const methods = {
    focus: async () => void field.calls.push('focus'),
    validate: async () => {
      field.calls.push('validate');
      return validValue(name, field.value);
    },
    clearValue: async () => {
      field.calls.push('clearValue');
      field.value = '';
    },
    setError: async (message: string) => {
      field.calls.push('setError');
      field.error = message;
    },
    clearError: async () => {
      field.calls.push('clearError');
      field.error = null;
    },
    unmountSync: async () => {
      field.calls.push('unmountSync');
      field.selector = null;
    },
  };
  return { field, place, methods };
}

/** The card the fields hold, as a Yuno backend receives it. */
function cardOf(state: FakeSecureFieldsState, fields: FakeField[]) {
  const get = (name: string) => fields.find((f) => f.name === name && f.selector !== null);
  const pan = get('pan');
  const expiration = get('expiration');
  const cvv = get('cvv');
  const [month, year] = (expiration?.value ?? '').split('/');
  void state;
  return {
    number: pan?.value ?? '',
    expirationMonth: Number(month),
    expirationYear: Number(year),
    securityCode: cvv?.value ?? '',
  };
}

export interface FakeSdkV2Options extends Omit<SandboxWebSdkOptions, 'sdkVersion'> {
  /**
   * Yuno clones a declined checkout session server-side and rotates it into the mounted fields before `onStatus`
   * reports the decline. Given, the fake does so with the session it returns.
   */
  rotateSession?: (declined: string) => Promise<string>;
}

/**
 * A 2.x SDK with Secure Fields: the stand-in's transaction, plus `secureFields`, `updateCheckoutSession` and `unmount`.
 * `start` with mounted fields takes the card from them (and throws when `data.card` carries card data, or while
 * another `start` is in flight, as Yuno's does), then runs the stand-in's headless flow on the current session.
 */
export function fakeSdkV2WithSecureFields(options: FakeSdkV2Options): {
  loadSdk: YunoSdkV2Loader;
  state: FakeSecureFieldsState;
} {
  const state = newState();
  const { rotateSession, ...standInOptions } = options;
  const standIn = createSandboxWebSdk({ ...standInOptions, sdkVersion: 2 });
  const loadSdk: YunoSdkV2Loader = async () => ({
    async initialize(publicApiKey: string) {
      const base = await standIn.initialize(publicApiKey);
      const instance: YunoSdkV2Instance = {
        transaction(config: YunoSdkV2TransactionConfig) {
          state.calls.push({ method: 'transaction', args: config });
          // The stand-in validates the config as Yuno's SDK does (exactly one session, a country).
          base.transaction(config);
          let session = config.checkoutSession;
          let mounted: FakeField[] | null = null;
          let installments = false;
          let inFlight = false;
          return {
            async secureFields(args?: { installmentEnable?: boolean }) {
              state.calls.push({ method: 'secureFields', args });
              installments = args?.installmentEnable === true;
              const fields: FakeField[] = [];
              mounted = fields;
              return {
                create({ name, options: fieldOptions }: { name: string; options?: YunoSdkV2SecureFieldOptions }) {
                  state.calls.push({ method: 'create', args: { name, options: fieldOptions } });
                  const { field, place, methods } = newField(state, name, fieldOptions ?? {}, installments);
                  fields.push(field);
                  return {
                    ...methods,
                    mount(selector: string) {
                      state.calls.push({ method: 'mount', args: { name, selector } });
                      place(selector);
                    },
                  };
                },
                unmountSync() {
                  state.calls.push({ method: 'unmountSync', args: undefined });
                  state.instanceUnmounts += 1;
                  for (const f of fields) f.selector = null;
                },
              };
            },
            updateCheckoutSession(checkoutSession: string) {
              state.calls.push({ method: 'updateCheckoutSession', args: checkoutSession });
              session = checkoutSession;
            },
            unmount() {
              state.calls.push({ method: 'unmount', args: undefined });
            },
            async start(selection: { paymentMethod: YunoSdkV2PaymentMethodSelected }) {
              state.calls.push({ method: 'start', args: selection });
              const method = selection.paymentMethod;
              const given = method.data?.card ?? {};
              if (mounted === null || !mounted.some((f) => f.selector !== null)) {
                throw new Error('the fake renders no forms: mount secure fields first');
              }
              if (
                given.number !== undefined ||
                given.expirationMonth !== undefined ||
                given.expirationYear !== undefined ||
                given.securityCode !== undefined
              ) {
                throw new Error('card data in paymentMethod.data.card while secure fields are mounted');
              }
              if (inFlight) throw new Error('start is already in flight');
              inFlight = true;
              try {
                const card = cardOf(state, mounted);
                const data = {
                  ...method.data,
                  card: method.vaultedToken
                    ? { ...given, ...(card.securityCode ? { securityCode: card.securityCode } : {}) }
                    : { ...given, ...card },
                };
                const rotations: Array<Promise<void>> = [];
                const onStatus = (result: YunoSdkV2StatusResult) => {
                  const declined = session;
                  if (rotateSession && declined && (result.status === 'DECLINED' || result.status === 'ERROR')) {
                    rotations.push(
                      rotateSession(declined).then((next) => {
                        session = next;
                        config.onStatus?.(result);
                      }),
                    );
                    return;
                  }
                  config.onStatus?.(result);
                };
                const sessionConfig =
                  session !== undefined ? { checkoutSession: session } : { customerSession: config.customerSession };
                await base
                  .transaction({
                    ...config,
                    ...sessionConfig,
                    ...(config.createPayment
                      ? {
                          createPayment: (token) => config.createPayment!(token),
                        }
                      : {}),
                    onStatus,
                  })
                  .start({ paymentMethod: { ...method, data } });
                await Promise.all(rotations);
              } finally {
                inFlight = false;
              }
            },
          };
        },
      };
      return instance;
    },
  });
  return { loadSdk, state };
}

/**
 * A 1.x SDK with Secure Fields: the stand-in's 1.x instance (headless calls, fraud check) whose `secureFields(args)`
 * gives fields rendered into selectors and tokenizes what they hold through the sandbox's SDK routes.
 */
export function fakeSdkV1WithSecureFields(options: Omit<SandboxWebSdkOptions, 'sdkVersion'>): {
  loadSdk: () => Promise<Yuno>;
  state: FakeSecureFieldsState;
} {
  const state = newState();
  const standIn = createSandboxWebSdk({ ...options, sdkVersion: 1 });
  const loadSdk = async (): Promise<Yuno> => ({
    async initialize(publicApiKey: string) {
      const base = await standIn.initialize(publicApiKey);
      const instance: YunoInstance = {
        ...base,
        async secureFields(args) {
          state.calls.push({ method: 'secureFields', args });
          const fields: FakeField[] = [];
          const sfArgs = args as typeof args & { checkoutSession?: string; customerSession?: string };
          const installments = args.installmentEnable === true;
          const cardDetail = (holderName: string) => {
            const card = cardOf(state, fields);
            return {
              number: card.number,
              expiration_month: card.expirationMonth,
              expiration_year: card.expirationYear,
              security_code: card.securityCode,
              holder_name: holderName,
            };
          };
          const instanceOfFields = {
            create({ name, options: fieldOptions }: { name: string; options?: YunoSdkV2SecureFieldOptions }) {
              state.calls.push({ method: 'create', args: { name, options: fieldOptions } });
              const { field, place, methods } = newField(state, name, fieldOptions ?? {}, installments);
              fields.push(field);
              return {
                ...methods,
                async render(selector: string) {
                  state.calls.push({ method: 'render', args: { name, selector } });
                  place(selector);
                },
                setCardType: async () => undefined,
                resetFields: async () => undefined,
                toggleFocusCvv: async () => undefined,
                toggleFrontCardVisibility: async () => undefined,
                setCardHolderName: async () => undefined,
              };
            },
            getElement({ name }: { name: string }) {
              throw new Error(`getElement(${name}) is not in the fake`);
            },
            generateToken: async () => {
              throw new Error('generateToken is not in the fake');
            },
            async generateTokenWithInformation(params: Record<string, unknown>) {
              state.calls.push({ method: 'generateTokenWithInformation', args: params });
              const checkoutSession = (params.checkoutSession as string | undefined) ?? sfArgs.checkoutSession;
              const api = await base.apiClientPayment({
                country_code: args.countryCode,
                checkout_session: checkoutSession!,
              });
              const vaultedToken = params.vaultedToken as string | undefined;
              const detail = vaultedToken
                ? { security_code: cardOf(state, fields).securityCode }
                : cardDetail(String(params.cardHolderName ?? ''));
              return asSdkFailure(
                api.generateToken({
                  checkout_session: checkoutSession!,
                  payment_method: {
                    type: 'CARD',
                    vaulted_token: vaultedToken ?? null,
                    card: {
                      save: params.saveCard === true,
                      detail,
                      ...(params.installment ? { installment: params.installment } : {}),
                    },
                    ...(params.customer ? { customer: params.customer } : {}),
                  } as never,
                }),
              );
            },
            async generateVaultedToken(params: Record<string, unknown>) {
              state.calls.push({ method: 'generateVaultedToken', args: params });
              const customerSession = sfArgs.customerSession!;
              const api = await base.apiClientEnroll({
                customer_session: customerSession,
                country_code: args.countryCode,
              });
              const result = await asSdkFailure(
                api.continueEnrollment({
                  customer_session: customerSession,
                  payment_method: {
                    type: 'CARD',
                    card: { detail: cardDetail(String(params.cardHolderName ?? '')) },
                    ...(params.customer ? { customer: params.customer } : {}),
                  },
                } as never),
              );
              return (result as unknown as { vaulted_token: string }).vaulted_token;
            },
            generateVaultedTokenWithInformation: async () => {
              throw new Error('generateVaultedTokenWithInformation is not in the fake');
            },
            unmountSync() {
              state.calls.push({ method: 'unmountSync', args: undefined });
              state.instanceUnmounts += 1;
              for (const f of fields) f.selector = null;
            },
          };
          return instanceOfFields as unknown as Awaited<ReturnType<YunoInstance['secureFields']>>;
        },
      };
      return instance;
    },
  });
  return { loadSdk, state };
}

/** Yuno's 1.x SDK rejects with the API's error body (`{ code, messages }`), not with the library's errors. */
async function asSdkFailure<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const { code, messages } = (error ?? {}) as { code?: unknown; messages?: unknown };
    throw { code, messages };
  }
}
