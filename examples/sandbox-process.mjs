// The whole Yuno payment process against the offline sandbox, with nothing but fetch and Yuno's real paths and headers.
//
//   npx yuno-sandbox --port 4010          (in one terminal)
//   node examples/sandbox-process.mjs     (in another)
//
// Point it elsewhere with YUNO_BASE_URL, YUNO_PUBLIC_API_KEY, YUNO_PRIVATE_SECRET_KEY and YUNO_ACCOUNT_ID (the defaults
// are the sandbox's own credentials). Exits with 1 at the first answer that is not what Yuno would give.

const baseUrl = (process.env.YUNO_BASE_URL ?? 'http://127.0.0.1:4010').replace(/\/+$/, '');
const publicApiKey = process.env.YUNO_PUBLIC_API_KEY ?? 'sandbox_pk_yuno_react_local';
const privateSecretKey = process.env.YUNO_PRIVATE_SECRET_KEY ?? 'sandbox_sk_yuno_react_local';
const accountId = process.env.YUNO_ACCOUNT_ID ?? '7f3c1a52-5d1e-4c3b-9a57-0b6f2d8e4a10';

const APPROVED_CARD = '4507990000000002';
const INSUFFICIENT_FUNDS_CARD = '4507990000000010';
const run = Date.now().toString(36);

async function yuno(method, path, body, extraHeaders = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      'public-api-key': publicApiKey,
      'private-secret-key': privateSecretKey,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...extraHeaders,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function check(condition, message, answer) {
  if (!condition) {
    throw new Error(`${message}${answer ? `\n  got HTTP ${answer.status}: ${JSON.stringify(answer.body)}` : ''}`);
  }
}

function step(text) {
  process.stdout.write(`✓ ${text}\n`);
}

async function createSession(customerId, orderId) {
  const answer = await yuno('POST', '/v1/checkout/sessions', {
    account_id: accountId,
    merchant_order_id: orderId,
    payment_description: 'Sandbox process example',
    country: 'CO',
    customer_id: customerId,
    amount: { currency: 'COP', value: 52000 },
    callback_url: 'https://merchant.example/checkout/return',
  });
  check(answer.status === 200 && typeof answer.body?.checkout_session === 'string', 'create checkout session', answer);
  return answer.body;
}

async function createToken(checkoutSession, number) {
  const answer = await yuno('POST', `/v1/checkout/sessions/${checkoutSession}/token`, {
    payment_method: {
      type: 'CARD',
      vault_on_success: false,
      card: { number, expiration_month: 11, expiration_year: 30, security_code: '123', holder_name: 'ADA LOVELACE' },
    },
  });
  check(answer.status === 201 && typeof answer.body?.token === 'string', 'create one-time token', answer);
  check(!JSON.stringify(answer.body).includes(number), 'the token must not echo the card number');
  return answer.body;
}

function paymentBody(session, customerId, token) {
  return {
    account_id: accountId,
    description: 'Sandbox process example',
    country: 'CO',
    merchant_order_id: session.merchant_order_id,
    amount: { currency: 'COP', value: 52000 },
    customer_payer: { id: customerId },
    checkout: { session: session.checkout_session },
    workflow: 'SDK_CHECKOUT',
    payment_method: { type: 'CARD', token },
  };
}

async function main() {
  process.stdout.write(`Yuno sandbox process against ${baseUrl}\n`);

  // 1. The shopper as a Yuno customer.
  const customer = await yuno('POST', '/v1/customers', {
    merchant_customer_id: `example-shopper-${run}`,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@example.com',
    country: 'CO',
  });
  check(customer.status === 201 && typeof customer.body?.id === 'string', 'create customer', customer);
  step(`customer ${customer.body.id}`);

  // 2. One checkout session per payment attempt.
  const session = await createSession(customer.body.id, `example-order-${run}-1`);
  step(`checkout session ${session.checkout_session}`);

  // 3. The methods to offer: those whose conditions are met.
  const methods = await yuno('GET', `/v1/checkout/sessions/${session.checkout_session}/payment-methods`);
  check(methods.status === 200 && Array.isArray(methods.body), 'list payment methods (a bare array)', methods);
  const enabled = methods.body.filter((m) => m.checkout?.conditions?.enabled !== false);
  check(
    enabled.some((m) => m.type === 'CARD'),
    'CARD is offered',
    methods,
  );
  step(`payment methods: ${enabled.map((m) => m.type).join(', ')}`);

  // 4. The browser's Yuno SDK would create this token; here it is the REST call behind it.
  const token = await createToken(session.checkout_session, APPROVED_CARD);
  step(`one-time token for ${token.card_data?.brand ?? 'a card'} ending ${token.card_data?.lfd}`);

  // 5. The payment, with one idempotency key per attempt.
  const created = await yuno('POST', '/v1/payments', paymentBody(session, customer.body.id, token.token), {
    'X-Idempotency-Key': crypto.randomUUID(),
  });
  check(created.status === 201 && created.body?.status === 'SUCCEEDED', 'create payment', created);
  check(!Array.isArray(created.body.transactions), 'create answers transactions as one object', created);
  step(`payment ${created.body.id}: ${created.body.status}/${created.body.sub_status}`);

  // 6. The status of record comes from the server.
  const retrieved = await yuno('GET', `/v1/payments/${created.body.id}`);
  const payment = retrieved.body?.payment;
  check(retrieved.status === 200 && payment?.id === created.body.id, 'retrieve payment ({ payment })', retrieved);
  check(payment.status === 'SUCCEEDED' && Array.isArray(payment.transactions), 'retrieved payment', retrieved);
  step(`retrieved payment ${payment.id}: ${payment.status}`);

  // 7. A declined card is a created payment, not an HTTP error.
  const declinedSession = await createSession(customer.body.id, `example-order-${run}-2`);
  const declinedToken = await createToken(declinedSession.checkout_session, INSUFFICIENT_FUNDS_CARD);
  const declined = await yuno(
    'POST',
    '/v1/payments',
    paymentBody(declinedSession, customer.body.id, declinedToken.token),
    {
      'X-Idempotency-Key': crypto.randomUUID(),
    },
  );
  check(declined.status === 201, 'a decline answers 201', declined);
  check(
    declined.body.status === 'DECLINED' &&
      declined.body.sub_status === 'DECLINED' &&
      declined.body.transactions?.response_code === 'INSUFFICIENT_FUNDS',
    'declined with INSUFFICIENT_FUNDS',
    declined,
  );
  step(
    `declined card: ${declined.body.status}/${declined.body.sub_status} ${declined.body.transactions.response_code}`,
  );

  // 8. A retry of the same attempt with the same key gets the same payment back.
  const retrySession = await createSession(customer.body.id, `example-order-${run}-3`);
  const retryToken = await createToken(retrySession.checkout_session, APPROVED_CARD);
  const key = crypto.randomUUID();
  const first = await yuno('POST', '/v1/payments', paymentBody(retrySession, customer.body.id, retryToken.token), {
    'X-Idempotency-Key': key,
  });
  const again = await yuno('POST', '/v1/payments', paymentBody(retrySession, customer.body.id, retryToken.token), {
    'X-Idempotency-Key': key,
  });
  check(first.status === 201 && again.status === 201, 'both requests answer 201', again);
  check(again.body.id === first.body.id, 'the replay answers the same payment', again);
  const byOrder = await yuno(
    'GET',
    `/v1/payments?merchant_order_id=${encodeURIComponent(retrySession.merchant_order_id)}`,
  );
  check(
    byOrder.status === 200 && Array.isArray(byOrder.body) && byOrder.body.length === 1,
    'one payment for the order',
    byOrder,
  );
  step(`same idempotency key twice: one payment (${first.body.id})`);

  // 9. A one-time token is single use.
  const reuseSession = await createSession(customer.body.id, `example-order-${run}-4`);
  const reused = await yuno('POST', '/v1/payments', paymentBody(reuseSession, customer.body.id, retryToken.token), {
    'X-Idempotency-Key': crypto.randomUUID(),
  });
  check(reused.status === 400 && reused.body?.code === 'INVALID_TOKEN', 'a reused token is refused', reused);
  step(`reused one-time token: HTTP ${reused.status} ${reused.body.code}`);

  process.stdout.write('Done: the sandbox answered like Yuno at every step.\n');
}

main().catch((error) => {
  process.stderr.write(`✗ ${error.message}\n`);
  process.exitCode = 1;
});
