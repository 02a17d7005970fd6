import type {
  CardInput,
  OneTimeToken,
  SecureField,
  SecureFieldChange,
  SecureFieldName,
  SecureFieldOptions,
  SecureFieldsContext,
  SecureFieldsPayInput,
  SecureFieldsSession,
  TokenizerEnrollResult,
  YunoTokenizer,
} from 'yuno-react';

/**
 * A stand-in for one field of Yuno's Secure Fields: it renders an `<input>` named by the field's label into its mount
 * target (jsdom runs no SDK frames), and the test says what the frame reports (`emit`) and what `validate()` resolves.
 */
export interface FakeSecureField extends SecureField {
  name: SecureFieldName;
  options: SecureFieldOptions;
  element: HTMLElement | null;
  mounted: boolean;
  unmounted: boolean;
  /** Reports a change, as the frame does while the shopper types. */
  emit(change: Omit<SecureFieldChange, 'name'>): void;
  /** Reports focus or blur. */
  focusEvent(kind: 'focus' | 'blur'): void;
  /** What the next `validate()` resolves. @default the last change's `isValid` */
  valid: boolean;
  validations: number;
  cleared: number;
  errors: Array<string | null>;
}

export interface FakeSecureFieldsSession extends SecureFieldsSession {
  context: SecureFieldsContext;
  unmounted: boolean;
  /** The checkout sessions given to `updateCheckoutSession`, in order. */
  updates: string[];
  /** Fields by name: the last one created for each. */
  fields: Map<SecureFieldName, FakeSecureField>;
  created: FakeSecureField[];
  tokenInputs: SecureFieldsPayInput[];
  enrollInputs: SecureFieldsPayInput[];
}

export interface FakeSecureFields {
  /** The harness's tokenizer with `secureFields()`; give it to `<h.Provider tokenizer>`. */
  tokenizer: YunoTokenizer;
  sessions: FakeSecureFieldsSession[];
  /** Sessions not unmounted. */
  live(): FakeSecureFieldsSession[];
  /** The card the frames "hold": what `createToken` / `enroll` tokenize through the harness's own tokenizer. */
  card: CardInput;
  /** The security code a cvv frame "holds" for a saved card. */
  securityCode: string;
  /** Make `secureFields()` reject with this. */
  failWith: Error | null;
  /** Hold `secureFields()` until this resolves. */
  gate: Promise<void> | null;
}

/**
 * Secure Fields over the harness's real tokenizer: the session's `createToken` and `enroll` tokenize `fake.card` with
 * it, for the session's current checkout session (so a session the fields were not moved to is refused by the sandbox)
 * or its customer session.
 */
export function createFakeSecureFields(base: YunoTokenizer): FakeSecureFields {
  const fake: FakeSecureFields = {
    tokenizer: undefined as unknown as YunoTokenizer,
    sessions: [],
    live: () => fake.sessions.filter((s) => !s.unmounted),
    card: { number: '4507990000000002', expirationMonth: 11, expirationYear: 30, securityCode: '123' },
    securityCode: '123',
    failWith: null,
    gate: null,
  };
  const makeField = (name: SecureFieldName, options: SecureFieldOptions = {}): FakeSecureField => {
    let last: Omit<SecureFieldChange, 'name'> = { isDirty: false, isValid: false, error: null };
    const field: FakeSecureField = {
      name,
      options,
      element: null,
      mounted: false,
      unmounted: false,
      valid: false,
      validations: 0,
      cleared: 0,
      errors: [],
      mount(element) {
        const input = element.ownerDocument.createElement('input');
        input.setAttribute('aria-label', options.label ?? name);
        input.dataset.fakeSecureField = name;
        input.addEventListener('focus', () => options.onFocus?.());
        input.addEventListener('blur', () => options.onBlur?.());
        element.appendChild(input);
        field.element = element;
        field.mounted = true;
        options.onReady?.();
      },
      unmount() {
        field.element?.querySelector(`[data-fake-secure-field="${name}"]`)?.remove();
        field.element = null;
        field.mounted = false;
        field.unmounted = true;
      },
      focus() {
        field.element?.querySelector<HTMLInputElement>('input')?.focus();
      },
      async validate() {
        field.validations += 1;
        return field.valid;
      },
      clearValue() {
        field.cleared += 1;
        last = { isDirty: false, isValid: false, error: null };
        field.valid = false;
      },
      setError(message) {
        field.errors.push(message);
      },
      emit(change) {
        last = change;
        field.valid = change.isValid;
        options.onChange?.({ name, ...change });
      },
      focusEvent(kind) {
        if (kind === 'focus') options.onFocus?.();
        else options.onBlur?.();
      },
    };
    void last;
    return field;
  };

  const secureFields = async (context: SecureFieldsContext): Promise<SecureFieldsSession> => {
    if (fake.gate) await fake.gate;
    if (fake.failWith) throw fake.failWith;
    const session: FakeSecureFieldsSession = {
      context: { ...context },
      unmounted: false,
      updates: [],
      fields: new Map(),
      created: [],
      tokenInputs: [],
      enrollInputs: [],
      create(name, options) {
        const field = makeField(name, options);
        session.fields.set(name, field);
        session.created.push(field);
        return field;
      },
      async createToken(input): Promise<OneTimeToken> {
        session.tokenInputs.push(input);
        const checkoutSession = session.context.checkoutSession!;
        const card = { ...fake.card, ...(input.holderName ? { holderName: input.holderName } : {}) };
        return base.createToken(
          input.vaultedToken
            ? { type: input.type, vaultedToken: input.vaultedToken, securityCode: fake.securityCode }
            : {
                type: input.type,
                card,
                ...(input.installment ? { installment: input.installment } : {}),
                ...(input.customer ? { customer: input.customer } : {}),
              },
          { checkoutSession, countryCode: session.context.countryCode, browserInfo: {} },
        );
      },
      async enroll(input): Promise<TokenizerEnrollResult> {
        session.enrollInputs.push(input);
        const result = await base.enroll!(
          { type: 'CARD', card: { ...fake.card, ...(input.holderName ? { holderName: input.holderName } : {}) } },
          {
            customerSession: session.context.customerSession!,
            countryCode: session.context.countryCode,
            browserInfo: {},
          },
        );
        return { vaultedToken: result.vaultedToken ?? null, status: result.status };
      },
      updateCheckoutSession(checkoutSession) {
        session.updates.push(checkoutSession);
        session.context.checkoutSession = checkoutSession;
      },
      unmount() {
        session.unmounted = true;
        for (const field of session.created) field.unmount();
      },
    };
    fake.sessions.push(session);
    return session;
  };
  // The harness's tokenizer is a frozen object of closures: a copy of it, with the fields.
  fake.tokenizer = { ...base, secureFields };
  return fake;
}

/** What a valid number, expiry and code report, for `emit`. */
export const VALID = { isDirty: true, isValid: true, error: null } as const;

/** Fills every frame of `session` with valid card data (a Visa number). */
export function fillFrames(session: FakeSecureFieldsSession, brand = 'VISA') {
  session.fields.get('pan')?.emit({ ...VALID, data: { brand, iin: '450799' } });
  session.fields.get('expiration')?.emit(VALID);
  session.fields.get('cvv')?.emit(VALID);
}
