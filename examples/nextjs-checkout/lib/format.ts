/** An amount in major units, e.g. `R$79.90`. */
export function formatAmount(value: number, currency = 'BRL'): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(value);
}
