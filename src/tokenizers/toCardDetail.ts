import type { CardInput } from './types';

/** Card details in Yuno's field names, as both tokenizers send them. */
export interface CardDetailFields {
  number: string;
  expiration_month: number;
  expiration_year: number;
  security_code?: string;
  holder_name?: string;
  type?: string;
}

/**
 * Maps a form's card input to Yuno's field names. Spaces and dashes a shopper typed into the number are removed (Yuno
 * takes digits only). The result is built per call and handed straight on; nothing keeps it.
 */
export function toCardDetail(card: CardInput): CardDetailFields {
  return {
    number: card.number.replace(/[\s-]/g, ''),
    expiration_month: card.expirationMonth,
    expiration_year: card.expirationYear,
    security_code: card.securityCode,
    holder_name: card.holderName,
    type: card.type,
  };
}
