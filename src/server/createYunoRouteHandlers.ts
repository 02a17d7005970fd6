import {
  CreateMerchantPaymentRequestSchema,
  DEFAULT_API_BASE_URL,
  StartCheckoutRequestSchema,
  StartCustomerSessionRequestSchema,
  StartEnrollmentRequestSchema,
  merchantRoutes,
  type CreateMerchantPaymentRequest,
} from '../core/merchantApi';
import { IdSchema } from '../core/schemas/common';
import type { CheckoutSession } from '../core/schemas/checkoutSession';
import { CreateCustomerRequestSchema, type CreateCustomerRequest } from '../core/schemas/customer';
import { OneTimeTokenRequestSchema, type CustomerPayer } from '../core/schemas/token';
import type { Payment } from '../core/schemas/payment';
import { checkResolvedCheckout, createYunoCheckout, type ResolvedCheckout } from './createYunoCheckout';
import type { CreatePaymentBody, YunoServerClient } from './createYunoServerClient';
import { deriveIdempotencyKey } from './deriveIdempotencyKey';
import { findOrCreateCustomer } from './findOrCreateCustomer';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_WEBHOOK_MAX_BODY_BYTES, checkBodyLimit } from './readBoundedBody';
import { decodePathSegment, parseInput, readIdempotencyKey, readJsonObject } from './readRouteInput';
import { RouteError, errorResponse, jsonResponse, toRouteError } from './RouteError';
import {
  createMemoryWebhookStore,
  createYunoWebhookHandler,
  type YunoWebhookEventContext,
  type YunoWebhookStore,
} from './webhooks';
import {
  createBindingCookie,
  ownsCheckoutSession,
  ownsCustomerSession,
  ownsPayment,
  withCheckoutSession,
  withCustomerSession,
  withPayment,
  type Binding,
} from './binding';
import type { YunoWebhookEvent } from '../core/schemas/webhook';

/**
 * What a request to the merchant routes is about to do; {@link YunoRouteHandlersOptions.authorize} decides whether the
 * caller may. The names match the browser client's methods.
 *
 * @example
 * ```ts
 * const writes: YunoRouteAction[] = ['startCheckout', 'createOneTimeToken', 'createPayment', 'startEnrollment'];
 * ```
 */
export type YunoRouteAction =
  | 'startCheckout'
  | 'paymentMethods'
  | 'createOneTimeToken'
  | 'createPayment'
  | 'payment'
  | 'startCustomerSession'
  | 'enrollablePaymentMethods'
  | 'startEnrollment'
  | 'webhook';

/**
 * What `authorize` is asked about: the request (its cookies and headers say who the caller is) and the sessions or
 * payment it touches. It is asked before anything is sent to Yuno, so it gets only what the request names: for
 * `payment`, the payment id alone (decide from your own records of the payments your shoppers made).
 *
 * @example
 * ```ts
 * const context: YunoAuthorizeContext = { request, action: 'createPayment', checkoutSession };
 * ```
 */
export interface YunoAuthorizeContext {
  request: Request;
  action: YunoRouteAction;
  /** The checkout session the request names. For `startCheckout`, the session being replaced (if any). */
  checkoutSession?: string;
  customerSession?: string;
  paymentId?: string;
}

/**
 * Options of {@link createYunoRouteHandlers}.
 *
 * @example
 * ```ts
 * const options: YunoRouteHandlersOptions = {
 *   client: yuno,
 *   resolveCheckout: async ({ request }) => checkoutForCart(await cartOf(request)),
 *   authorize: async ({ request, checkoutSession }) =>
 *     !checkoutSession || (await sessionsOfShopper(request)).includes(checkoutSession),
 * };
 * ```
 */
export interface YunoRouteHandlersOptions {
  /** The private-key client (`createYunoServerClient`). */
  client: YunoServerClient;
  /**
   * The shopper's order, decided on the server: amount, currency, country, order id and customer. Called by
   * `POST /checkout-sessions` (a fresh session, e.g. after a decline: `previousCheckoutSession` names the session it
   * replaces) and, when `resolveCustomer` is absent, for the customer of customer sessions.
   */
  resolveCheckout(context: {
    request: Request;
    previousCheckoutSession?: string;
  }): Promise<ResolvedCheckout> | ResolvedCheckout;
  /**
   * Whether the caller may do `action` on the sessions or payment named. Asked after the input is validated and before
   * anything is sent to Yuno; anything but `true` changes nothing and answers 404 `NOT_FOUND` when the request names a
   * session or payment (the same answer as an unknown id, so a refusal tells nothing about what exists), 403
   * `AUTHORIZATION_REQUIRED` otherwise.
   *
   * Without it the routes are private by default: every checkout session, payment and customer session belongs to the
   * browser that started it through these routes, as recorded in a signed binding cookie (see `bindingSecret`), and
   * any other caller gets 404 `NOT_FOUND` without a call to Yuno. Sessions created elsewhere (`createYunoCheckout` in
   * a server component) are in no browser's cookie: use `authorize` for them.
   */
  authorize?(context: YunoAuthorizeContext): boolean | Promise<boolean>;
  /**
   * The key (at least 32 characters, e.g. `openssl rand -base64 32`) that signs the binding cookie `yuno_binding`
   * (HMAC-SHA256): HttpOnly, SameSite=Lax, Secure over https, Path = `basePath`, kept a day, holding the newest
   * checkout sessions (with their payments) and customer sessions of the browser. Unused with `authorize`.
   *
   * Without it each process makes a random key at start: cookies stop binding after a restart, and a deployment of
   * more than one instance (serverless, several containers) MUST set the same secret on all of them, or a shopper
   * whose requests reach another instance gets 404.
   */
  bindingSecret?: string;
  /**
   * The customer whose cards a customer session saves; `null` for a guest (the route then answers 403). Defaults to
   * `resolveCheckout`'s `customer`.
   */
  resolveCustomer?(context: { request: Request }): Promise<CreateCustomerRequest | null> | CreateCustomerRequest | null;
  /**
   * Accept card details on the merchant's server: enables `POST /checkout-sessions/{cs}/token` and `card` in
   * `POST /payments` (token and payment in one call). Only for PCI-certified merchants and for the sandbox; otherwise
   * card data goes from the browser straight to Yuno through its Web SDK.
   * @default false
   */
  serverTokenization?: boolean;
  /**
   * The path the routes are mounted under; everything after it is the route.
   * @default '/api/yuno'
   */
  basePath?: string;
  /**
   * Called with every error that is not the caller's own mistake (a failed call to Yuno, an unexpected exception), for
   * logging and monitoring. The routes log nothing themselves. Errors carry no card data.
   */
  onError?(error: unknown, context: { request: Request; action: YunoRouteAction | undefined }): void;
  /**
   * The secret set as `hmac_client_secret` on your webhook in Yuno. With it (or with `webhookApiKey` and
   * `webhookApiSecret`), `POST /webhooks` receives Yuno's webhooks: signature verified on the raw body, each event
   * handled once by `onPaymentEvent`, 200 only after it succeeded (see `createYunoWebhookHandler`).
   */
  webhookSecret?: string;
  /** The `x-api-key` set on your webhook in Yuno, Yuno's other way of authenticating deliveries (with `webhookApiSecret`). */
  webhookApiKey?: string;
  /** The `x-secret` set on your webhook in Yuno (with `webhookApiKey`). */
  webhookApiSecret?: string;
  /**
   * Called once per webhook event (payment and enrollment events alike); the delivery is answered 200 when it resolves,
   * and 500 / 503 when it throws or passes `webhookTimeoutMs`, so that Yuno retries.
   */
  onPaymentEvent?(event: YunoWebhookEvent, context: YunoWebhookEventContext): void | Promise<void>;
  /** Where webhook events are claimed and remembered. @default an in-memory store (one process) */
  webhookStore?: YunoWebhookStore;
  /** How long `onPaymentEvent` may take before the delivery is answered 503 and retried. @default 10_000 */
  webhookTimeoutMs?: number;
  /**
   * The largest body the JSON routes accept, in bytes; a larger one is answered 413 `PAYLOAD_TOO_LARGE` without being
   * read: a `content-length` above it is refused before any byte, a chunked body is cut off at the limit. Their bodies
   * are a few hundred bytes.
   * @default 65_536 (64 KiB)
   */
  maxBodyBytes?: number;
  /**
   * The largest body `POST /webhooks` accepts, in bytes (413 `PAYLOAD_TOO_LARGE` beyond, as for `maxBodyBytes`).
   * @default 1_048_576 (1 MiB)
   */
  webhookMaxBodyBytes?: number;
}

/**
 * The merchant routes as Web-standard handlers.
 *
 * @example
 * ```ts
 * const { GET, POST }: YunoRouteHandlers = handlers;
 * ```
 */
export interface YunoRouteHandlers {
  /** Answers one request to any of the routes (unknown routes: 404 `NOT_FOUND`; wrong method: 405 `UNSUPPORTED_METHOD`). */
  handle(request: Request): Promise<Response>;
  /** `handle`, named for Next.js App Router route files. */
  GET(request: Request): Promise<Response>;
  /** `handle`, named for Next.js App Router route files. */
  POST(request: Request): Promise<Response>;
  /**
   * `fetch`-compatible access to the routes without a network (tests, server components): `handlers.fetch` can be the
   * browser client's `fetch`. A relative URL is taken as a path on `http://localhost`. It keeps no cookies: without
   * `authorize`, send back the `yuno_binding` cookie that starting a checkout sets, as a browser does.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
}

type Params = Record<string, string>;
interface RouteContext {
  request: Request;
  params: Params;
}
type RouteMethod = 'GET' | 'POST';
interface Route {
  segments: string[];
  action: YunoRouteAction;
  handlers: Partial<Record<RouteMethod, (context: RouteContext) => Promise<Response>>>;
}

/** Keys a payment body must not carry: the server takes them from the checkout session. */
const SERVER_DECIDED_FIELDS = [
  'amount',
  'currency',
  'country',
  'countryCode',
  'merchant_order_id',
  'merchantOrderId',
  'description',
  'payment_description',
  'customer_id',
  'customerId',
];

const PARAM = '__param__';
/** A route's path pattern from the shared route table, so the browser client and the server never disagree. */
function pattern(path: string, ...names: string[]): string[] {
  let n = 0;
  return path
    .split('/')
    .slice(1)
    .map((segment) => (segment === PARAM ? `:${names[n++] ?? 'id'}` : segment));
}

/**
 * Creates the merchant routes that `yuno-react` in the browser calls (`createYunoBrowserClient`), as Web-standard
 * Request → Response handlers: start a checkout, list its payment methods, tokenize (opt-in), create a payment, read
 * its status, and save cards through customer sessions.
 *
 * The server decides what is charged: amount, currency, country, order and customer come from `resolveCheckout` when a
 * session is created, and from that session when a payment is created; a payment body that carries any of them is
 * refused. Every input is validated (and `authorize` asked) before anything is sent to Yuno, so a bad request changes
 * nothing. Private by default: without `authorize`, each session and payment answers only to the browser that started
 * it (a signed HttpOnly cookie, see `bindingSecret`); anyone else gets the 404 of an unknown id, and Yuno is not
 * called. Each payment attempt needs the browser's `X-Idempotency-Key`; Yuno receives a key derived from it and the
 * checkout session, so a retried attempt replays the original payment. Errors are Yuno's body `{ code, messages }`: the
 * browser client turns them into `YunoError`s. Bodies are read no further than `maxBodyBytes` (64 KiB) on the JSON
 * routes and `webhookMaxBodyBytes` (1 MiB) on the webhook route: past it, 413 `PAYLOAD_TOO_LARGE`, the rest unread.
 *
 * Routes (below `basePath`): `POST /checkout-sessions`, `GET /checkout-sessions/{cs}/payment-methods`,
 * `POST /checkout-sessions/{cs}/token` (with `serverTokenization`), `POST /payments`, `GET /payments/{id}`,
 * `POST /customer-sessions`, `GET /customer-sessions/{cs}/payment-methods`, `POST /customer-sessions/{cs}/enrollments`.
 *
 * @example
 * ```ts
 * // app/api/yuno/[...path]/route.ts (Next.js App Router)
 * import { createYunoRouteHandlers, createYunoServerClient } from 'yuno-react/server';
 *
 * const handlers = createYunoRouteHandlers({
 *   client: createYunoServerClient({
 *     publicApiKey: process.env.YUNO_PUBLIC_API_KEY!,
 *     privateSecretKey: process.env.YUNO_PRIVATE_SECRET_KEY!,
 *     accountId: process.env.YUNO_ACCOUNT_ID!,
 *   }),
 *   async resolveCheckout({ request }) {
 *     const order = await currentOrder(request);
 *     return {
 *       merchantOrderId: order.id,
 *       description: `Order ${order.number}`,
 *       country: 'BR',
 *       amount: { currency: 'BRL', value: order.total },
 *     };
 *   },
 * });
 *
 * export const { GET, POST } = handlers;
 * ```
 */
export function createYunoRouteHandlers(options: YunoRouteHandlersOptions): YunoRouteHandlers {
  if (!options || typeof options.client !== 'object' || options.client === null) {
    throw new Error('createYunoRouteHandlers: client is required (createYunoServerClient)');
  }
  if (typeof options.resolveCheckout !== 'function') {
    throw new Error('createYunoRouteHandlers: resolveCheckout is required');
  }
  const { client, serverTokenization = false } = options;
  const maxBodyBytes = checkBodyLimit(
    'createYunoRouteHandlers: maxBodyBytes',
    options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  );
  const webhookMaxBodyBytes = checkBodyLimit(
    'createYunoRouteHandlers: webhookMaxBodyBytes',
    options.webhookMaxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES,
  );
  const basePath = normaliseBasePath(options.basePath ?? DEFAULT_API_BASE_URL);

  /**
   * Payment attempts under way in this process, by derived key: a double click or a retry racing its original shares
   * one call to Yuno instead of tokenizing twice or meeting Yuno's `REQUEST_IN_PROCESS`.
   */
  const paymentsInFlight = new Map<string, Promise<Payment>>();

  const binding = createBindingCookie({ secret: options.bindingSecret, path: basePath });

  /**
   * Lets the request go on only when the caller may touch what it names: `authorize`'s answer, or without it the
   * binding cookie. Nothing has been sent to Yuno yet. Answers the caller's binding (empty with `authorize`).
   */
  async function requireAccess(
    context: Omit<YunoAuthorizeContext, 'request' | 'action'>,
    request: Request,
    action: YunoRouteAction,
  ): Promise<Binding> {
    const namesSomething = Boolean(context.checkoutSession || context.customerSession || context.paymentId);
    if (options.authorize) {
      if ((await options.authorize({ request, action, ...context })) === true) return { c: [], u: [] };
      if (namesSomething) throw notFound();
      throw new RouteError(403, 'AUTHORIZATION_REQUIRED', ['The caller may not do this']);
    }
    const owned = await binding.read(request);
    const { checkoutSession, customerSession, paymentId } = context;
    if (
      (checkoutSession && !ownsCheckoutSession(owned, checkoutSession)) ||
      (customerSession && !ownsCustomerSession(owned, customerSession)) ||
      (paymentId && !ownsPayment(owned, paymentId))
    ) {
      throw notFound();
    }
    return owned;
  }

  /** The `Set-Cookie` header that records `next` as this browser's binding (none with `authorize`). */
  async function bind(request: Request, next: Binding): Promise<Record<string, string>> {
    if (options.authorize) return {};
    return { 'set-cookie': await binding.serialize(request, next) };
  }

  function sessionParam(params: Params, name: string): string {
    return parseInput(IdSchema, params[name], name);
  }

  async function startCheckout({ request }: RouteContext): Promise<Response> {
    const body = parseInput(StartCheckoutRequestSchema, await readJsonObject(request, maxBodyBytes));
    const previous = body.previousCheckoutSession;
    const owned = await requireAccess(previous ? { checkoutSession: previous } : {}, request, 'startCheckout');
    const checkout = await options.resolveCheckout({
      request,
      ...(previous ? { previousCheckoutSession: previous } : {}),
    });
    const started = await createYunoCheckout({ client, checkout });
    return jsonResponse(201, started, await bind(request, withCheckoutSession(owned, started.checkoutSession)));
  }

  async function paymentMethods({ request, params }: RouteContext): Promise<Response> {
    const checkoutSession = sessionParam(params, 'checkoutSession');
    await requireAccess({ checkoutSession }, request, 'paymentMethods');
    return jsonResponse(200, await client.checkoutSessions.paymentMethods(checkoutSession, { signal: request.signal }));
  }

  async function createOneTimeToken({ request, params }: RouteContext): Promise<Response> {
    const checkoutSession = sessionParam(params, 'checkoutSession');
    const body = parseInput(OneTimeTokenRequestSchema, await readJsonObject(request, maxBodyBytes));
    await requireAccess({ checkoutSession }, request, 'createOneTimeToken');
    return jsonResponse(201, await client.checkoutSessions.createOneTimeToken(checkoutSession, body));
  }

  async function createPayment({ request }: RouteContext): Promise<Response> {
    const raw = await readJsonObject(request, maxBodyBytes);
    const refused = SERVER_DECIDED_FIELDS.filter((field) => Object.hasOwn(raw, field));
    if (refused.length > 0) {
      throw new RouteError(400, 'INVALID_PARAMETERS', [
        `The server decides the amount, currency, country, order and description from the checkout session; remove ${refused.join(', ')}`,
      ]);
    }
    const body = parseInput(CreateMerchantPaymentRequestSchema, raw);
    const browserKey = readIdempotencyKey(request);
    const type = body.paymentMethodType?.toUpperCase();
    if (body.card) {
      if (!serverTokenization) {
        throw new RouteError(400, 'INVALID_PARAMETERS', [
          'Card details are not accepted by this server: tokenize the card in the browser and send oneTimeToken',
        ]);
      }
      if (body.oneTimeToken) {
        throw new RouteError(400, 'INVALID_PARAMETERS', ['Send either oneTimeToken or card, not both']);
      }
      if (type !== undefined && type !== 'CARD') {
        throw new RouteError(400, 'INVALID_PARAMETERS', [
          'Invalid parameter: paymentMethodType must be CARD with card',
        ]);
      }
    } else if (!body.oneTimeToken && (type === undefined || type === 'CARD')) {
      throw new RouteError(400, 'MISSING_PARAMETERS', ['Missing required parameter: oneTimeToken']);
    }
    const owned = await requireAccess({ checkoutSession: body.checkoutSession }, request, 'createPayment');

    const key = await deriveIdempotencyKey('payment', body.checkoutSession, browserKey);
    let attempt = paymentsInFlight.get(key);
    if (!attempt) {
      attempt = payOnce(body, key).finally(() => paymentsInFlight.delete(key));
      paymentsInFlight.set(key, attempt);
    }
    const created = await attempt;
    return jsonResponse(201, created, await bind(request, withPayment(owned, body.checkoutSession, created.id)));
  }

  async function payOnce(body: CreateMerchantPaymentRequest, idempotencyKey: string): Promise<Payment> {
    const checkoutSession = body.checkoutSession;
    const session = await client.checkoutSessions.retrieve(checkoutSession);
    if (!session.amount) {
      throw new RouteError(400, 'INVALID_AMOUNT', ['The checkout session has no amount to charge']);
    }
    const payer = customerPayer(session, body);
    let token = body.oneTimeToken;
    if (body.card) {
      // A token cannot be made for a used session. When this attempt already paid it (a retry whose first answer was
      // lost), answer that payment; otherwise it is Yuno's "already used".
      if (session.used) return paymentOfAttempt(session, idempotencyKey);
      const { card } = body;
      const created = await client.checkoutSessions.createOneTimeToken(checkoutSession, {
        payment_method: {
          type: 'CARD',
          ...(body.vaultOnSuccess === undefined ? {} : { vault_on_success: body.vaultOnSuccess }),
          card: {
            number: card.number,
            expiration_month: card.expiration_month,
            expiration_year: card.expiration_year,
            ...(card.security_code === undefined ? {} : { security_code: card.security_code }),
            ...(card.holder_name === undefined ? {} : { holder_name: card.holder_name }),
            ...(card.type === undefined ? {} : { type: card.type }),
          },
          ...(payer ? { customer: payer } : {}),
        },
        ...(body.deviceFingerprints ? { device_fingerprints: body.deviceFingerprints } : {}),
      });
      token = created.token;
    }
    const type = body.card ? 'CARD' : body.paymentMethodType;
    const payment: CreatePaymentBody = {
      // Yuno requires a description; a session created without one is still payable.
      description: session.payment_description || `Order ${session.merchant_order_id}`,
      country: session.country,
      merchant_order_id: session.merchant_order_id,
      amount: { currency: session.amount.currency, value: session.amount.value },
      checkout: { session: checkoutSession },
      workflow: session.workflow ?? 'SDK_CHECKOUT',
      payment_method: {
        ...(type ? { type } : {}),
        ...(token ? { token } : {}),
        ...(body.vaultOnSuccess === undefined ? {} : { vault_on_success: body.vaultOnSuccess }),
      },
      ...(payer ? { customer_payer: payer } : {}),
    };
    return client.payments.create(payment, { idempotencyKey });
  }

  /** The payment a used session got from this very attempt (same derived key), or Yuno's "already used" error. */
  async function paymentOfAttempt(session: CheckoutSession, idempotencyKey: string): Promise<Payment> {
    const ofOrder = await client.payments.retrieveByMerchantOrderId(session.merchant_order_id);
    for (const listed of ofOrder.filter((p) => p.checkout?.session === session.checkout_session)) {
      // Order listings leave the idempotency key out; the payment itself has it.
      const payment = listed.idempotency_key ? listed : await client.payments.retrieve(listed.id);
      if (payment.idempotency_key === idempotencyKey) return payment;
    }
    throw new RouteError(400, 'CHECKOUT_SESSION_NOT_FOUND', ['The checkout session was already used']);
  }

  async function payment({ request, params }: RouteContext): Promise<Response> {
    const paymentId = sessionParam(params, 'paymentId');
    await requireAccess({ paymentId }, request, 'payment');
    return jsonResponse(200, await client.payments.retrieve(paymentId, { signal: request.signal }));
  }

  /** The customer of a customer session and its country, from `resolveCustomer` or `resolveCheckout`. */
  async function shopperOf(request: Request): Promise<{ customer: CreateCustomerRequest; country: string }> {
    let customer: CreateCustomerRequest | null | undefined;
    let checkout: ResolvedCheckout | undefined;
    if (options.resolveCustomer) {
      const resolved = await options.resolveCustomer({ request });
      customer = resolved === null ? null : checkCustomer(resolved);
    } else {
      checkout = checkResolvedCheckout(
        'createYunoRouteHandlers: resolveCheckout',
        await options.resolveCheckout({ request }),
      );
      customer = checkout.customer;
    }
    if (!customer) {
      throw new RouteError(403, 'AUTHORIZATION_REQUIRED', ['Saving payment methods needs a signed-in customer']);
    }
    if (customer.country) return { customer, country: customer.country };
    checkout ??= checkResolvedCheckout(
      'createYunoRouteHandlers: resolveCheckout',
      await options.resolveCheckout({ request }),
    );
    return { customer, country: checkout.country };
  }

  async function startCustomerSession({ request }: RouteContext): Promise<Response> {
    parseInput(StartCustomerSessionRequestSchema, await readJsonObject(request, maxBodyBytes));
    const owned = await requireAccess({}, request, 'startCustomerSession');
    const { customer, country } = await shopperOf(request);
    const { id } = await findOrCreateCustomer(client, customer);
    const session = await client.customerSessions.create({ customer_id: id, country });
    return jsonResponse(201, session, await bind(request, withCustomerSession(owned, session.customer_session)));
  }

  async function enrollablePaymentMethods({ request, params }: RouteContext): Promise<Response> {
    const customerSession = sessionParam(params, 'customerSession');
    await requireAccess({ customerSession }, request, 'enrollablePaymentMethods');
    return jsonResponse(
      200,
      await client.customerSessions.enrollablePaymentMethods(customerSession, { signal: request.signal }),
    );
  }

  async function startEnrollment({ request, params }: RouteContext): Promise<Response> {
    const customerSession = sessionParam(params, 'customerSession');
    const body = parseInput(StartEnrollmentRequestSchema, await readJsonObject(request, maxBodyBytes));
    const browserKey = readIdempotencyKey(request);
    await requireAccess({ customerSession }, request, 'startEnrollment');
    const { country } = await shopperOf(request);
    const enrollment = await client.customerSessions.enroll(
      customerSession,
      { payment_method_type: body.paymentMethodType?.toUpperCase() ?? 'CARD', country },
      { idempotencyKey: await deriveIdempotencyKey('enrollment', customerSession, browserKey) },
    );
    return jsonResponse(201, enrollment);
  }

  const webhookAuthenticated = Boolean(options.webhookSecret || options.webhookApiKey || options.webhookApiSecret);
  const webhookStore = options.webhookStore ?? createMemoryWebhookStore();
  // One receiver per delivery (closures only; the store is shared), so that errors are reported with their request.
  const receiveWebhook = webhookAuthenticated
    ? (request: Request) =>
        createYunoWebhookHandler({
          ...(options.webhookSecret ? { secret: options.webhookSecret } : {}),
          ...(options.webhookApiKey !== undefined ? { apiKey: options.webhookApiKey } : {}),
          ...(options.webhookApiSecret !== undefined ? { apiSecret: options.webhookApiSecret } : {}),
          onEvent: (event, context) => options.onPaymentEvent?.(event, context),
          store: webhookStore,
          ...(options.webhookTimeoutMs !== undefined ? { timeoutMs: options.webhookTimeoutMs } : {}),
          onError: (error) => options.onError?.(error, { request, action: 'webhook' }),
          maxBodyBytes: webhookMaxBodyBytes,
        })(request)
    : undefined;

  const routes: Route[] = [
    { segments: pattern(merchantRoutes.checkoutSessions), action: 'startCheckout', handlers: { POST: startCheckout } },
    // Without a way to authenticate deliveries there is no way to trust a webhook, so the route does not exist.
    ...(receiveWebhook
      ? [
          {
            segments: pattern(merchantRoutes.webhooks),
            action: 'webhook' as const,
            handlers: {
              POST: ({ request }: RouteContext) => receiveWebhook(request),
            },
          },
        ]
      : []),
    {
      segments: pattern(merchantRoutes.paymentMethods(PARAM), 'checkoutSession'),
      action: 'paymentMethods',
      handlers: { GET: paymentMethods },
    },
    // Without server tokenization the token route does not exist at all.
    ...(serverTokenization
      ? [
          {
            segments: pattern(merchantRoutes.token(PARAM), 'checkoutSession'),
            action: 'createOneTimeToken' as const,
            handlers: { POST: createOneTimeToken },
          },
        ]
      : []),
    { segments: pattern(merchantRoutes.payments), action: 'createPayment', handlers: { POST: createPayment } },
    { segments: pattern(merchantRoutes.payment(PARAM), 'paymentId'), action: 'payment', handlers: { GET: payment } },
    {
      segments: pattern(merchantRoutes.customerSessions),
      action: 'startCustomerSession',
      handlers: { POST: startCustomerSession },
    },
    {
      segments: pattern(merchantRoutes.enrollablePaymentMethods(PARAM), 'customerSession'),
      action: 'enrollablePaymentMethods',
      handlers: { GET: enrollablePaymentMethods },
    },
    {
      segments: pattern(merchantRoutes.enrollments(PARAM), 'customerSession'),
      action: 'startEnrollment',
      handlers: { POST: startEnrollment },
    },
  ];

  async function handle(request: Request): Promise<Response> {
    let action: YunoRouteAction | undefined;
    try {
      const match = matchRoute(routes, basePath, new URL(request.url).pathname);
      if (!match) throw notFound();
      action = match.route.action;
      const method = request.method.toUpperCase();
      const handler = match.route.handlers[method as RouteMethod];
      if (!handler) {
        const allow = Object.keys(match.route.handlers).join(', ');
        throw new RouteError(405, 'UNSUPPORTED_METHOD', [`${method} is not supported here; use ${allow}`], { allow });
      }
      return await handler({ request, params: match.params });
    } catch (error) {
      if (!(error instanceof RouteError) && options.onError) {
        try {
          options.onError(error, { request, action });
        } catch {
          // A failing error hook must not turn an answer into a crash.
        }
      }
      // Payments and enrollments take the browser's idempotency key: only there is "the same key" advice.
      const keyed = action === 'createPayment' || action === 'startEnrollment';
      return errorResponse(toRouteError(error, { keyed }));
    }
  }

  return {
    handle,
    GET: handle,
    POST: handle,
    fetch(input, init) {
      const request =
        typeof input === 'string' || input instanceof URL
          ? new Request(new URL(String(input), 'http://localhost'), init)
          : new Request(input, init);
      return handle(request);
    },
  };
}

/**
 * The answer to an unknown route, an unknown id and an id that is not the caller's alike, so that nobody learns from it
 * whether a session or payment exists.
 */
function notFound(): RouteError {
  return new RouteError(404, 'NOT_FOUND', ['Not Found']);
}

function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function matchRoute(
  routes: readonly Route[],
  basePath: string,
  pathname: string,
): { route: Route; params: Params } | undefined {
  if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return undefined;
  const rest = pathname.slice(basePath.length).replace(/\/+$/, '');
  const segments = rest.split('/').slice(1).map(decodePathSegment);
  for (const route of routes) {
    if (route.segments.length !== segments.length) continue;
    const params: Params = {};
    const matched = route.segments.every((expected, i) => {
      const actual = segments[i] as string;
      if (!expected.startsWith(':')) return expected === actual;
      params[expected.slice(1)] = actual;
      return actual !== '';
    });
    if (matched) return { route, params };
  }
  return undefined;
}

/** `customer_payer` of a payment (and `customer` of its token): the session's customer plus what the browser sent. */
function customerPayer(session: CheckoutSession, body: CreateMerchantPaymentRequest): CustomerPayer | undefined {
  const payer: CustomerPayer = {
    ...body.customerPayer,
    ...(body.browserInfo ? { browser_info: body.browserInfo } : {}),
    ...(body.deviceFingerprints ? { device_fingerprints: body.deviceFingerprints } : {}),
    ...(session.customer_id ? { id: session.customer_id } : {}),
  };
  return Object.keys(payer).length > 0 ? payer : undefined;
}

function checkCustomer(value: unknown): CreateCustomerRequest {
  const result = CreateCustomerRequestSchema.safeParse(value);
  if (!result.success) {
    const paths = [...new Set(result.error.issues.map((issue) => issue.path.map(String).join('.') || '(customer)'))];
    throw new TypeError(`createYunoRouteHandlers: resolveCustomer returned an invalid customer at ${paths.join(', ')}`);
  }
  return result.data;
}
