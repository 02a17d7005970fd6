const COLORS: Record<string, string> = {
  VISA: '#1a1f71',
  MASTERCARD: '#eb001b',
  AMEX: '#2e77bc',
  DINERS: '#0079be',
  DISCOVER: '#ff6000',
  JCB: '#0b4ea2',
  ELO: '#00a4e0',
  HIPERCARD: '#b3131b',
  MAESTRO: '#0099df',
  CARD: '#4b5563',
  PIX: '#32bcad',
  BOLETO: '#1f2937',
  OXXO: '#cc0000',
  EFECTY: '#f7c600',
  PSE: '#005aa3',
  MERCADO_PAGO_CHECKOUT_PRO: '#009ee3',
  PAYPAL: '#003087',
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A small logo as an SVG data URL. The sandbox runs offline, so the icons it lists must not point at Yuno's CDN: a
 * labelled badge renders anywhere, in Storybook and in tests alike.
 */
export function iconDataUrl(key: string, label: string): string {
  const color = COLORS[key] ?? '#374151';
  const text = escapeXml(label.length > 10 ? `${label.slice(0, 9)}…` : label);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="40" viewBox="0 0 64 40" role="img" aria-label="${text}">` +
    `<rect width="64" height="40" rx="6" fill="${color}"/>` +
    `<text x="32" y="24" font-family="Arial,Helvetica,sans-serif" font-size="10" font-weight="700" fill="#fff" text-anchor="middle">${text}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
