/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), the checksum that closes a PIX BR Code. */
export function crc16Ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** One EMV field: two-digit id, two-digit length, value. */
function field(id: string, value: string): string {
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Merchant fields are plain upper-case ASCII in the BR Code; accents would change the byte length. */
function ascii(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .toUpperCase()
    .slice(0, max);
}

export interface PixCodeInput {
  /** The receiver's PIX key (an EVP key, e-mail, phone or CPF/CNPJ). */
  key: string;
  /** In BRL, major units. */
  amount: number;
  merchantName: string;
  merchantCity: string;
  /** Up to 25 letters and digits that identify the charge. */
  txid: string;
}

/**
 * A PIX "copia e cola" code: the EMV-MPM BR Code of the Central Bank of Brazil, single use (point of initiation 12),
 * closed by its CRC16.
 */
export function buildPixCode(input: PixCodeInput): string {
  const account = field('00', 'br.gov.bcb.pix') + field('01', input.key);
  const txid = input.txid.replace(/[^A-Za-z0-9]/g, '').slice(0, 25) || '***';
  const payload =
    field('00', '01') +
    field('01', '12') +
    field('26', account) +
    field('52', '0000') +
    field('53', '986') +
    field('54', input.amount.toFixed(2)) +
    field('58', 'BR') +
    field('59', ascii(input.merchantName, 25)) +
    field('60', ascii(input.merchantCity, 15)) +
    field('62', field('05', txid)) +
    '6304';
  return payload + crc16Ccitt(payload);
}
