import { encode } from 'uqr';

/**
 * A QR code of `text` as an SVG data URL, the form Yuno uses for `provider_image`: one `<path>` for the dark modules,
 * a white quiet zone of four modules, crisp edges at any size.
 */
export function qrCodeDataUrl(text: string): string {
  const { size, data } = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  for (let y = 0; y < size; y++) {
    const row = data[y];
    if (!row) continue;
    for (let x = 0; x < size; x++) if (row[x]) d += `M${x} ${y}h1v1h-1z`;
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}
