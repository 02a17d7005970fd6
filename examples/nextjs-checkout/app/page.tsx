import { PRODUCTS } from '@/lib/cart';
import { formatAmount } from '@/lib/format';
import { checkout } from './actions';

export default async function CartPage({ searchParams }: PageProps<'/'>) {
  const { empty } = await searchParams;
  return (
    <form action={checkout} aria-labelledby="cart-title">
      <h1 id="cart-title">Your cart</h1>
      <table className="cart">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Price</th>
            <th scope="col">Quantity</th>
          </tr>
        </thead>
        <tbody>
          {PRODUCTS.map((product, index) => (
            <tr key={product.id}>
              <th scope="row">
                <label htmlFor={product.id}>{product.name}</label>
              </th>
              <td>{formatAmount(product.price)}</td>
              <td>
                <input
                  id={product.id}
                  name={product.id}
                  type="number"
                  min={0}
                  max={10}
                  defaultValue={index === 0 ? 1 : 0}
                  inputMode="numeric"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {empty && <p role="alert">Choose at least one product.</p>}
      <p className="cart-actions">
        <button type="submit" className="button">
          Go to checkout
        </button>
      </p>
    </form>
  );
}
