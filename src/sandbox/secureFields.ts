// The page side of the sandbox's Secure Fields: frames each field's page from the sandbox's HTTP origin and speaks to
// it by postMessage, to that origin only and from its frames only. The page never holds a card number or a CVV: it
// sends commands (configure, focus, validate, clear, setError, clearError, tokenize) and receives events (ready,
// rendered, change, focus, blur, resize, validated, tokenized, tokenizeFailed). See secureFieldPage.ts for the frames.
import { SECURE_FIELD_MESSAGE, SECURE_FIELD_NAMES, type SecureFieldName } from './secureFieldPage';

/**
 * What a field's `onChange` receives: whether the value is invalid (or incomplete), what the field may tell, and
 * whether the shopper typed in it. `data` has Yuno's 1.x fields (`isCardIINLoading`, `isInstallmentLoading`,
 * `cardConfig`, and for `pan` `cardIIN` once six digits are typed) plus `isValid`, and for `pan` `brand` (`VISA`, …,
 * `UNKNOWN`) and `iin`. Never the value itself.
 *
 * @example
 * ```ts
 * const onChange = ({ error, data }: SandboxSecureFieldChange) => setBrand(error ? null : String(data.brand));
 * ```
 */
export interface SandboxSecureFieldChange {
  error: boolean;
  data: { isValid: boolean; [key: string]: unknown };
  isDirty: boolean;
}

/**
 * The `options` of a Secure Field, as Yuno's SDK takes them (`create({ name, options })`).
 *
 * @example
 * ```ts
 * const options: SandboxSecureFieldOptions = { label: 'Card number', onChange: ({ error }) => setInvalid(error) };
 * ```
 */
export interface SandboxSecureFieldOptions {
  label?: string;
  placeholder?: string;
  /** Show validation errors under the field. @default true */
  showError?: boolean;
  /** A message shown instead of the field's own validation messages. */
  errorMessage?: string;
  /** When errors show: as the shopper types (`on_change`) or once the field loses focus. @default 'on_blur' */
  validationType?: 'on_change' | 'on_blur' | 'on_blur_full';
  /** CSS applied inside the field's frame. */
  styles?: string;
  inputMode?: 'none' | 'text' | 'tel' | 'url' | 'email' | 'numeric' | 'decimal' | 'search';
  onChange?: (change: SandboxSecureFieldChange) => void;
  onBlur?: () => void;
  onFocus?: () => void;
  onRenderedSecureField?: () => void;
}

/**
 * One Secure Field: `mount` (2.x) or `render` (1.x) frames it into an element.
 *
 * @example
 * ```ts
 * const pan: SandboxSecureField = secureFields.create({ name: 'pan', options: { label: 'Card number' } });
 * await pan.mount('#pan');
 * ```
 */
export interface SandboxSecureField {
  mount(target: string | Element): Promise<void>;
  render(target: string | Element): Promise<void>;
  focus(): Promise<void>;
  validate(): Promise<boolean>;
  clearValue(): Promise<void>;
  setError(message: string): Promise<void>;
  clearError(): Promise<void>;
  /** Hides the field's frame without unmounting it (2.x). */
  hide(): Promise<void>;
  /** Shows a hidden field's frame again (2.x). */
  show(): Promise<void>;
  /** Updates the label, placeholder, styles or error options in place (2.x); callbacks are replaced too. */
  updateProps(props: SandboxSecureFieldOptions): Promise<void>;
  unmountSync(): void;
}

/** Where a form tokenizes: a checkout session (one-time token) or a customer session (enrollment). */
export type SecureFieldsTarget = { kind: 'checkout' | 'customer'; session: string };

/** Why the frames did not tokenize: invalid fields (`fields`), or the sandbox's refusal (`status`, `code`). */
export class SecureFieldsTokenizeError extends Error {
  readonly code: string;
  readonly status: number | undefined;
  readonly fields: Partial<Record<SecureFieldName, string>>;
  readonly messages: string[];
  constructor(failure: { code?: unknown; status?: unknown; fields?: unknown; messages?: unknown }) {
    const code = typeof failure.code === 'string' ? failure.code : 'TOKENIZATION_FAILED';
    const messages = Array.isArray(failure.messages) ? failure.messages.map(String) : [];
    const fields = (failure.fields && typeof failure.fields === 'object' ? failure.fields : {}) as Record<
      SecureFieldName,
      string
    >;
    super(
      messages.join('; ') ||
        (Object.keys(fields).length ? `Check the card fields: ${Object.keys(fields).join(', ')}` : code),
    );
    this.name = 'SecureFieldsTokenizeError';
    this.code = code;
    this.status = typeof failure.status === 'number' ? failure.status : undefined;
    this.fields = fields;
    this.messages = messages;
  }
}

export interface SecureFieldsForm {
  create(args: { name: SecureFieldName; options?: SandboxSecureFieldOptions }): SandboxSecureField;
  getElement(args: { name: SecureFieldName }): SandboxSecureField | undefined;
  /** The names of the fields whose frames are in the page. */
  mounted(): SecureFieldName[];
  /** Has the frames tokenize into `target`; `paymentMethod` carries no card data, the frames add it. */
  tokenize(target: SecureFieldsTarget, paymentMethod: Record<string, unknown>): Promise<Record<string, unknown>>;
  unmountSync(): void;
}

const MOUNT_TIMEOUT_MS = 15_000;
const TOKENIZE_TIMEOUT_MS = 30_000;

/**
 * The origin of the sandbox's field pages, or why there is none: the frames must load from a sandbox served over HTTP
 * (`startYunoSandboxServer`), into a browser.
 */
export function secureFieldsOrigin(options: { baseUrl: string; fetch?: typeof globalThis.fetch }): string {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    throw new Error('createSandboxWebSdk: secureFields needs a browser: the fields are iframes');
  }
  if (options.fetch !== undefined && options.fetch !== globalThis.fetch) {
    throw new Error(
      'createSandboxWebSdk: secureFields needs the sandbox served over HTTP (give baseUrl the URL of ' +
        'startYunoSandboxServer, and no fetch): an in-memory sandbox has no origin to serve the fields’ iframes from',
    );
  }
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new Error('createSandboxWebSdk: secureFields needs baseUrl to be the http(s) URL of a sandbox server');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error('createSandboxWebSdk: secureFields needs baseUrl to be the http(s) URL of a sandbox server');
  }
  return url.origin;
}

interface FieldState {
  name: SecureFieldName;
  options: SandboxSecureFieldOptions;
  frame: HTMLIFrameElement | undefined;
  ready: boolean;
  onReady: Array<() => void>;
}

type Pending = { resolve(value: unknown): void; reject(error: unknown): void; timer: ReturnType<typeof setTimeout> };

/** A form of Secure Fields on one page, framed from `origin` and tokenizing with `publicApiKey`. */
export function createSecureFieldsForm(init: { origin: string; publicApiKey: string }): SecureFieldsForm {
  const channel = randomChannel();
  const fields = new Map<SecureFieldName, FieldState>();
  const handles = new Map<SecureFieldName, SandboxSecureField>();
  const pending = new Map<string, Pending>();
  let listening = false;

  const onMessage = (event: MessageEvent) => {
    if (event.origin !== init.origin) return;
    const data = event.data as Record<string, unknown> | null;
    if (!data || data.type !== SECURE_FIELD_MESSAGE || data.channel !== channel) return;
    const field = fields.get(data.name as SecureFieldName);
    if (!field?.frame || event.source !== field.frame.contentWindow) return;
    switch (data.event) {
      case 'ready':
        send(field, { command: 'configure', options: serialisable(field.options) });
        break;
      case 'rendered':
        if (!field.ready) {
          field.ready = true;
          for (const done of field.onReady.splice(0)) done();
          field.options.onRenderedSecureField?.();
        }
        break;
      case 'resize':
        if (typeof data.height === 'number' && data.height > 0) field.frame.style.height = `${data.height}px`;
        break;
      case 'change':
        field.options.onChange?.({
          error: data.error === true,
          data: (data.data ?? { isValid: false }) as SandboxSecureFieldChange['data'],
          isDirty: data.isDirty === true,
        });
        break;
      case 'focus':
        field.options.onFocus?.();
        break;
      case 'blur':
        field.options.onBlur?.();
        break;
      case 'validated':
        settle(data.id, (p) => p.resolve(data.valid === true));
        break;
      case 'tokenized':
        settle(data.id, (p) => p.resolve(data.result));
        break;
      case 'tokenizeFailed':
        settle(data.id, (p) => p.reject(new SecureFieldsTokenizeError((data.error ?? {}) as Record<string, unknown>)));
        break;
    }
  };

  function settle(id: unknown, then: (p: Pending) => void) {
    const p = typeof id === 'string' ? pending.get(id) : undefined;
    if (!p) return;
    pending.delete(id as string);
    clearTimeout(p.timer);
    then(p);
  }

  function send(field: FieldState, message: Record<string, unknown>) {
    field.frame?.contentWindow?.postMessage(
      { ...message, type: SECURE_FIELD_MESSAGE, channel, name: field.name },
      init.origin,
    );
  }

  function ask<T>(field: FieldState, message: Record<string, unknown>, timeoutMs: number, what: string): Promise<T> {
    const id = randomChannel();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`createSandboxWebSdk: the ${field.name} secure field did not answer ${what}`));
      }, timeoutMs);
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      send(field, { ...message, id });
    });
  }

  function mountedField(name: SecureFieldName, method: string): FieldState {
    const field = fields.get(name);
    if (!field?.frame?.isConnected || !field.ready) {
      throw new Error(`createSandboxWebSdk: ${method} needs the ${name} secure field mounted`);
    }
    return field;
  }

  function unmount(field: FieldState) {
    field.frame?.remove();
    field.frame = undefined;
    field.ready = false;
    if (![...fields.values()].some((f) => f.frame) && listening) {
      window.removeEventListener('message', onMessage);
      listening = false;
    }
  }

  function create({ name, options = {} }: { name: SecureFieldName; options?: SandboxSecureFieldOptions }) {
    if (!SECURE_FIELD_NAMES.includes(name)) {
      throw new Error(`createSandboxWebSdk: the sandbox's secure fields are ${SECURE_FIELD_NAMES.join(', ')}`);
    }
    const previous = fields.get(name);
    if (previous) unmount(previous);
    const field: FieldState = { name, options, frame: undefined, ready: false, onReady: [] };
    fields.set(name, field);

    const mount = async (target: string | Element) => {
      const host = typeof target === 'string' ? document.querySelector(target) : target;
      if (!host) throw new Error(`createSandboxWebSdk: no element matches ${String(target)} to mount the field into`);
      if (field.frame) unmount(field);
      if (!listening) {
        window.addEventListener('message', onMessage);
        listening = true;
      }
      const frame = document.createElement('iframe');
      const src = new URL('/_sandbox/secure-fields/field', init.origin);
      src.searchParams.set('name', name);
      src.searchParams.set('channel', channel);
      src.searchParams.set('parent', window.location.origin);
      frame.src = src.href;
      frame.title = field.options.label ?? DEFAULT_TITLES[name];
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.setAttribute('allow', '');
      frame.setAttribute('data-yuno-secure-field', name);
      frame.style.border = '0';
      frame.style.width = '100%';
      frame.style.height = '5rem';
      frame.style.display = 'block';
      field.frame = frame;
      const rendered = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`createSandboxWebSdk: the ${name} secure field did not load from ${init.origin}`)),
          MOUNT_TIMEOUT_MS,
        );
        field.onReady.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      host.appendChild(frame);
      await rendered;
    };

    const handle: SandboxSecureField = {
      mount,
      render: mount,
      async focus() {
        send(mountedField(name, 'focus'), { command: 'focus' });
      },
      async validate() {
        return ask<boolean>(mountedField(name, 'validate'), { command: 'validate' }, MOUNT_TIMEOUT_MS, 'validate');
      },
      async clearValue() {
        send(mountedField(name, 'clearValue'), { command: 'clear' });
      },
      async setError(message: string) {
        send(mountedField(name, 'setError'), { command: 'setError', message: String(message) });
      },
      async clearError() {
        send(mountedField(name, 'clearError'), { command: 'clearError' });
      },
      async hide() {
        mountedField(name, 'hide').frame!.style.display = 'none';
      },
      async show() {
        mountedField(name, 'show').frame!.style.display = 'block';
      },
      async updateProps(props: SandboxSecureFieldOptions) {
        const mounted = mountedField(name, 'updateProps');
        field.options = { ...field.options, ...props };
        if (props.label !== undefined) mounted.frame!.title = props.label;
        send(mounted, { command: 'configure', options: serialisable(props) });
      },
      unmountSync() {
        unmount(field);
      },
    };
    handles.set(name, handle);
    return handle;
  }

  return {
    create,
    getElement: ({ name }) => handles.get(name),
    mounted: () => [...fields.values()].filter((f) => f.frame?.isConnected).map((f) => f.name),
    async tokenize(target, paymentMethod) {
      const names = [...fields.values()].filter((f) => f.frame?.isConnected).map((f) => f.name);
      // The pan's frame leads and gathers its siblings' values; a saved card has only its cvv field.
      const lead = names.includes('pan') ? 'pan' : names.includes('cvv') ? 'cvv' : undefined;
      if (!lead)
        throw new Error('createSandboxWebSdk: tokenizing needs a mounted pan (or, for a saved card, cvv) field');
      return ask<Record<string, unknown>>(
        mountedField(lead, 'tokenize'),
        { command: 'tokenize', fields: names, target, paymentMethod, publicApiKey: init.publicApiKey },
        TOKENIZE_TIMEOUT_MS,
        'the tokenization',
      );
    },
    unmountSync() {
      for (const field of fields.values()) unmount(field);
    },
  };
}

const DEFAULT_TITLES: Record<SecureFieldName, string> = {
  pan: 'Card number',
  expiration: 'Expiration date',
  cvv: 'Security code',
};

/** The options a frame is told: everything but the callbacks, which stay in the page. */
function serialisable(options: SandboxSecureFieldOptions): Record<string, unknown> {
  const { label, placeholder, showError, errorMessage, validationType, styles, inputMode } = options;
  return { label, placeholder, showError, errorMessage, validationType, styles, inputMode };
}

function randomChannel(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
