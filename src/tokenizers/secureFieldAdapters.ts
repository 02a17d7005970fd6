// What the 1.x and 2.x drivers share in adapting Yuno's Secure Fields to the library's interface (secureFields.ts): the
// field options, the onChange payload and the field methods, which are the same on both lines of Yuno's SDK; only how a
// field is placed differs (1.x `render(selector)`, 2.x `mount(selector)`).
import { YunoError } from '../core/YunoError';
import type { SecureField, SecureFieldChange, SecureFieldName, SecureFieldOptions } from './secureFields';
import { toSdkError } from './toSdkError';
import type { YunoSdkV2SecureFieldChange, YunoSdkV2SecureFieldOptions } from './yunoSdkV2';

/** The methods of a field object that both lines of Yuno's SDK give. */
export interface YunoFieldLike {
  focus(): unknown;
  validate(): Promise<boolean> | boolean;
  clearValue(): unknown;
  setError(message: string): unknown;
  clearError(): unknown;
  unmountSync(): unknown;
}

/**
 * Yuno's `onChange({ error, data, isDirty })` as the library's {@link SecureFieldChange}:
 * - `isDirty`: Yuno's `isDirty`; when a build leaves it out (1.x's published type has none), true, since an
 *   `onChange` means the shopper changed the field.
 * - `isValid`: `isDirty && !error`.
 * - `error`: `'invalid'` when Yuno's `error` is true (Yuno says only that the value is wrong, not why), else `null`.
 * - `data` (`pan` only): `brand` from `data.cardIIN.brand`, else `data.cardConfig.brand`; `iin` from
 *   `data.cardIIN.iin`; `installments` from `data.installments` (`installmentId` → `id`, `amount.value` a number);
 *   `isInstallmentLoading` as given.
 * Nothing else of Yuno's payload is passed on (a build that sent the value would not leak it to the page).
 */
export function toSecureFieldChange(name: SecureFieldName, args: YunoSdkV2SecureFieldChange): SecureFieldChange {
  const error = args?.error === true;
  const isDirty = typeof args?.isDirty === 'boolean' ? args.isDirty : true;
  const change: SecureFieldChange = { name, isDirty, isValid: isDirty && !error, error: error ? 'invalid' : null };
  if (name !== 'pan') return change;
  const data = args?.data;
  const brand = textOf(data?.cardIIN?.brand) ?? textOf(data?.cardConfig?.brand) ?? null;
  const iin = textOf(data?.cardIIN?.iin) ?? null;
  const plans = Array.isArray(data?.installments) ? data.installments : undefined;
  change.data = {
    brand,
    iin,
    ...(plans !== undefined
      ? {
          installments: plans
            .filter((p) => typeof p?.installmentId === 'string' && typeof p?.installment === 'number')
            .map((p) => {
              const value = Number(p.amount?.value);
              return {
                id: p.installmentId,
                installment: p.installment,
                ...(p.amount && typeof p.amount.currency === 'string' && Number.isFinite(value)
                  ? { amount: { currency: p.amount.currency, value } }
                  : {}),
              };
            }),
        }
      : {}),
    ...(typeof data?.isInstallmentLoading === 'boolean' ? { isInstallmentLoading: data.isInstallmentLoading } : {}),
  };
  return change;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The library's field options as Yuno's `create({ name, options })` takes them: `label`, `placeholder`, `showError`
 * (false unless set: the page shows its own errors), `validationType`, `styles`, and the events (`onChange` through
 * {@link toSecureFieldChange}, `onFocus`, `onBlur`, `onReady` as `onRenderedSecureField`).
 */
export function toYunoFieldOptions(
  name: SecureFieldName,
  options: SecureFieldOptions = {},
): YunoSdkV2SecureFieldOptions {
  const { onChange, onFocus, onBlur, onReady } = options;
  return {
    ...(options.label !== undefined ? { label: options.label } : {}),
    ...(options.placeholder !== undefined ? { placeholder: options.placeholder } : {}),
    showError: options.showError ?? false,
    ...(options.validationType !== undefined ? { validationType: options.validationType } : {}),
    ...(options.styles !== undefined ? { styles: options.styles } : {}),
    ...(onChange ? { onChange: (args: YunoSdkV2SecureFieldChange) => onChange(toSecureFieldChange(name, args)) } : {}),
    ...(onFocus ? { onFocus: () => onFocus() } : {}),
    ...(onBlur ? { onBlur: () => onBlur() } : {}),
    ...(onReady ? { onRenderedSecureField: () => onReady() } : {}),
  };
}

let elementSeq = 0;

/**
 * A CSS selector of `element` for Yuno's `render` / `mount`, which take selectors: its id, after giving it one
 * (`yuno-secure-field-<name>-<n>`) when it has none.
 */
export function selectorOf(element: HTMLElement, name: SecureFieldName): string {
  if (!element || typeof element !== 'object' || typeof element.id !== 'string') {
    throw new YunoError({ kind: 'sdk', message: `The ${name} card field needs an element to mount into` });
  }
  if (element.id === '') {
    elementSeq += 1;
    element.id = `yuno-secure-field-${name}-${elementSeq}`;
  }
  return `#${escapeId(element.id)}`;
}

function escapeId(id: string): string {
  const css = (globalThis as { CSS?: { escape?: (value: string) => string } }).CSS;
  if (typeof css?.escape === 'function') return css.escape(id);
  return id.replace(/^(\d)|[^\w-]/g, (match, digit: string | undefined) =>
    digit !== undefined ? `\\3${digit} ` : `\\${match}`,
  );
}

/** One field of a session, as the drivers keep it: what it was made with, where it is mounted, its Yuno object. */
export interface FieldBinding<F extends YunoFieldLike> {
  readonly name: SecureFieldName;
  readonly options: SecureFieldOptions | undefined;
  field: F;
  element: HTMLElement | null;
  removed: boolean;
  /** Why the field's last mount failed, until it is mounted again or removed. */
  failure: YunoError | null;
}

/** The first failure kept on a mounted field of `bindings`, if any. */
export function failureOf(bindings: ReadonlyArray<FieldBinding<YunoFieldLike>>): YunoError | null {
  return bindings.find((b) => !b.removed && b.failure !== null)?.failure ?? null;
}

/**
 * The library's {@link SecureField} over a binding whose Yuno object the driver may swap (1.x re-creates fields on a
 * new session). `place` mounts the Yuno object into a selector; a failure to mount, sync or not, is kept on the
 * binding until the field is mounted again or removed (the session refuses to pay while one is kept: see
 * {@link failureOf}). `focus`, `clearValue` and `setError` are cosmetic: a failure of theirs is dropped.
 */
export function bindSecureField<F extends YunoFieldLike>(
  binding: FieldBinding<F>,
  place: (field: F, selector: string) => unknown,
): SecureField {
  const quietly = (run: () => unknown) => {
    try {
      const result = run();
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      // Cosmetic: the field works on without it.
    }
  };
  return {
    mount(element) {
      const selector = selectorOf(element, binding.name);
      binding.element = element;
      binding.removed = false;
      binding.failure = null;
      const field = binding.field;
      const fail = (error: unknown) => {
        const failure = toSdkError(error, `show the ${binding.name} card field`);
        if (binding.field === field && binding.element === element) binding.failure = failure;
        return failure;
      };
      try {
        const result = place(field, selector);
        if (result instanceof Promise) result.catch(fail);
      } catch (error) {
        throw fail(error);
      }
    },
    unmount() {
      if (binding.removed) return;
      binding.removed = true;
      binding.element = null;
      binding.failure = null;
      quietly(() => binding.field.unmountSync());
    },
    focus() {
      quietly(() => binding.field.focus());
    },
    async validate() {
      try {
        return (await binding.field.validate()) === true;
      } catch (error) {
        throw toSdkError(error, `validate the ${binding.name} card field`);
      }
    },
    clearValue() {
      quietly(() => binding.field.clearValue());
    },
    setError(message) {
      quietly(() => (message === null ? binding.field.clearError() : binding.field.setError(message)));
    },
  };
}
