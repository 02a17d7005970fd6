// The shop's side: its products, and the shopper's cart, kept in an httpOnly cookie.
import type { ResolvedCheckout } from 'yuno-react/server';

export interface Product {
  id: string;
  name: string;
  /** In BRL. */
  price: number;
}

export const PRODUCTS: readonly Product[] = [
  { id: 'tee', name: 'Yuno T-shirt', price: 79.9 },
  { id: 'mug', name: 'Enamel mug', price: 34.5 },
  { id: 'stickers', name: 'Sticker pack', price: 12 },
];

export const CART_COOKIE = 'cart';
export const SHOPPER_COOKIE = 'shopper';

export interface Cart {
  /** A new one for every checkout started from the cart page. */
  orderId: string;
  /** The shopper's own id (Yuno's merchant_customer_id): stays across orders, so saved cards come back. */
  shopperId: string;
  items: Array<{ productId: string; quantity: number }>;
}

const ID = /^[A-Za-z0-9-]{8,64}$/;

/** Reads the cart cookie's value; anything malformed is no cart. */
export function parseCart(value: string | undefined): Cart | null {
  if (!value) return null;
  try {
    const raw: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!raw || typeof raw !== 'object') return null;
    const { orderId, shopperId, items } = raw as Record<string, unknown>;
    if (typeof orderId !== 'string' || !ID.test(orderId) || typeof shopperId !== 'string' || !ID.test(shopperId)) {
      return null;
    }
    if (!Array.isArray(items)) return null;
    const valid = items.filter(
      (item): item is Cart['items'][number] =>
        PRODUCTS.some((p) => p.id === item?.productId) &&
        Number.isInteger(item?.quantity) &&
        item.quantity > 0 &&
        item.quantity <= 10,
    );
    return valid.length > 0 ? { orderId, shopperId, items: valid } : null;
  } catch {
    return null;
  }
}

export function serializeCart(cart: Cart): string {
  return Buffer.from(JSON.stringify(cart), 'utf8').toString('base64url');
}

/** The cart of a request (route handlers get the raw `cookie` header). */
export function cartFromCookieHeader(header: string | null): Cart | null {
  for (const part of header?.split(';') ?? []) {
    const [name, ...value] = part.trim().split('=');
    if (name === CART_COOKIE) return parseCart(value.join('='));
  }
  return null;
}

/** The cart of a route request; `authorize` has already refused requests without one. */
export function cartOfRequest(request: Request): Cart {
  const cart = cartFromCookieHeader(request.headers.get('cookie'));
  if (!cart) throw new Error('The request has no cart');
  return cart;
}

/** The cart's total in BRL, from the shop's prices: the browser never says what is charged. */
export function totalOf(cart: Cart): number {
  const cents = cart.items.reduce(
    (sum, item) => sum + Math.round((PRODUCTS.find((p) => p.id === item.productId)?.price ?? 0) * 100) * item.quantity,
    0,
  );
  return cents / 100;
}

/** What a checkout session for this cart charges, and to whom. */
export function checkoutOf(cart: Cart): ResolvedCheckout {
  return {
    merchantOrderId: cart.orderId,
    description: `Yuno shop order ${cart.orderId.slice(0, 8)}`,
    country: 'BR',
    amount: { currency: 'BRL', value: totalOf(cart) },
    customer: {
      merchant_customer_id: cart.shopperId,
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      country: 'BR',
    },
  };
}
