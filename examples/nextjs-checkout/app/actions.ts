'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { CART_COOKIE, PRODUCTS, SHOPPER_COOKIE, serializeCart } from '@/lib/cart';

const cookieOptions = { httpOnly: true, sameSite: 'lax', path: '/' } as const;

/** The cart form's action: a new order for the chosen items, then the checkout page. */
export async function checkout(form: FormData): Promise<void> {
  const items = PRODUCTS.map((product) => ({
    productId: product.id,
    quantity: Math.min(10, Math.max(0, Math.trunc(Number(form.get(product.id)) || 0))),
  })).filter((item) => item.quantity > 0);
  if (items.length === 0) redirect('/?empty=1');
  const jar = await cookies();
  const shopperId = jar.get(SHOPPER_COOKIE)?.value ?? `shopper-${crypto.randomUUID()}`;
  jar.set(SHOPPER_COOKIE, shopperId, { ...cookieOptions, maxAge: 60 * 60 * 24 * 365 });
  jar.set(CART_COOKIE, serializeCart({ orderId: crypto.randomUUID(), shopperId, items }), cookieOptions);
  redirect('/checkout');
}
