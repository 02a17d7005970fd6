// Server only: the private-key Yuno client, and who owns which Yuno session.
import { SANDBOX_ACCOUNT_ID, SANDBOX_PRIVATE_SECRET_KEY, SANDBOX_PUBLIC_API_KEY } from 'yuno-react/sandbox';
import { createYunoServerClient, type YunoAuthorizeContext, type YunoServerClient } from 'yuno-react/server';
import { cartFromCookieHeader } from './cart';

const { YUNO_PUBLIC_API_KEY, YUNO_PRIVATE_SECRET_KEY, YUNO_ACCOUNT_ID } = process.env;
const realYuno = YUNO_PUBLIC_API_KEY && YUNO_PRIVATE_SECRET_KEY && YUNO_ACCOUNT_ID;

/**
 * With the three YUNO_* keys set, Yuno's real sandbox (the host follows the key's prefix) and Yuno's Web SDK.
 * Otherwise the local sandbox (`npx yuno-sandbox`) at YUNO_SANDBOX_URL and its stand-in for the Web SDK.
 */
export const yunoSetup = realYuno
  ? {
      publicApiKey: YUNO_PUBLIC_API_KEY,
      privateSecretKey: YUNO_PRIVATE_SECRET_KEY,
      accountId: YUNO_ACCOUNT_ID,
      sandboxUrl: null,
      webhookSecret: process.env.YUNO_WEBHOOK_SECRET || undefined,
    }
  : {
      publicApiKey: SANDBOX_PUBLIC_API_KEY,
      privateSecretKey: SANDBOX_PRIVATE_SECRET_KEY,
      accountId: SANDBOX_ACCOUNT_ID,
      sandboxUrl: process.env.YUNO_SANDBOX_URL || 'http://127.0.0.1:4010',
      webhookSecret: process.env.YUNO_WEBHOOK_SECRET || 'yuno-react-example-webhook-secret',
    };

/** What the browser may know: the public key, and where the local sandbox is (null with Yuno's real sandbox). */
export const browserSetup = { publicApiKey: yunoSetup.publicApiKey, sandboxUrl: yunoSetup.sandboxUrl };

const client = createYunoServerClient({
  publicApiKey: yunoSetup.publicApiKey,
  privateSecretKey: yunoSetup.privateSecretKey,
  accountId: yunoSetup.accountId,
  ...(yunoSetup.sandboxUrl ? { baseUrl: yunoSetup.sandboxUrl } : {}),
});

interface Notes {
  orderOfCheckoutSession: Map<string, string>;
  checkoutSessionOfPayment: Map<string, string>;
  customerOfCustomerSession: Map<string, string>;
  customerOfShopper: Map<string, string>;
}
// One process keeps these; a deployment with several instances keeps them in its database. Next.js bundles the pages
// and the route handlers apart, each with its own copy of this module, so the notes live on globalThis: the checkout
// page notes the sessions it creates, and the routes' `authorize` reads them.
const notes: Notes = ((globalThis as { yunoExampleNotes?: Notes }).yunoExampleNotes ??= {
  orderOfCheckoutSession: new Map(),
  checkoutSessionOfPayment: new Map(),
  customerOfCustomerSession: new Map(),
  customerOfShopper: new Map(),
});
const { orderOfCheckoutSession, checkoutSessionOfPayment, customerOfCustomerSession, customerOfShopper } = notes;

/**
 * The server client, noting the order of every checkout session, the checkout session of every payment and the
 * customer of every customer session it creates: `authorize` decides from these notes alone, before Yuno is called.
 */
export const yuno: YunoServerClient = {
  ...client,
  checkoutSessions: {
    ...client.checkoutSessions,
    async create(body, options) {
      const session = await client.checkoutSessions.create(body, options);
      orderOfCheckoutSession.set(session.checkout_session, session.merchant_order_id);
      return session;
    },
  },
  payments: {
    ...client.payments,
    async create(body, options) {
      const payment = await client.payments.create(body, options);
      if (body.checkout?.session) checkoutSessionOfPayment.set(payment.id, body.checkout.session);
      return payment;
    },
  },
  customerSessions: {
    ...client.customerSessions,
    async create(body, options) {
      const session = await client.customerSessions.create(body, options);
      customerOfCustomerSession.set(session.customer_session, session.customer_id);
      return session;
    },
  },
};

/** Notes the order a checkout session was created for, so that `authorize` needs no call to Yuno for it. */
export function rememberCheckoutSession(checkoutSession: string, merchantOrderId: string): void {
  orderOfCheckoutSession.set(checkoutSession, merchantOrderId);
}

async function customerOf(shopperId: string): Promise<string> {
  let customer = customerOfShopper.get(shopperId);
  if (customer === undefined) {
    customer = (await yuno.customers.retrieveByMerchantCustomerId(shopperId)).id;
    customerOfShopper.set(shopperId, customer);
  }
  return customer;
}

/**
 * The routes' `authorize`: a checkout session (and its payments) is usable only by the browser whose cart cookie holds
 * its order, a customer session only by its shopper. An id this server has no note of is nobody's: the routes answer
 * it 404, exactly like another shopper's.
 */
export async function authorize({
  request,
  checkoutSession,
  customerSession,
  paymentId,
}: YunoAuthorizeContext): Promise<boolean> {
  const cart = cartFromCookieHeader(request.headers.get('cookie'));
  if (!cart) return false;
  if (checkoutSession && orderOfCheckoutSession.get(checkoutSession) !== cart.orderId) return false;
  if (paymentId) {
    const sessionOfPayment = checkoutSessionOfPayment.get(paymentId);
    if (!sessionOfPayment || orderOfCheckoutSession.get(sessionOfPayment) !== cart.orderId) return false;
  }
  if (customerSession) {
    const owner = customerOfCustomerSession.get(customerSession);
    if (!owner || owner !== (await customerOf(cart.shopperId))) return false;
  }
  return true;
}
