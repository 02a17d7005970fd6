// Entry `yuno-react/card`: the card utilities (brand detection, formatting, Luhn, expiry, documents, cardSchema, field
// errors). No React and no 'use client' banner; the React entry shares these modules at build.
export { CARD_BRANDS, detectCardBrand, getCardBrandInfo, type CardBrand, type CardBrandInfo } from './detectCardBrand';
export { MAX_CARD_NUMBER_LENGTH, formatCardNumber, maxCardNumberLength } from './formatCardNumber';
export { cardNumberError, isValidCardNumber, passesLuhn, type CardFieldErrorCode } from './isValidCardNumber';
export { MAX_CARD_EXPIRY_YEARS, cardExpiryError, formatCardExpiry, parseCardExpiry } from './cardExpiry';
export { holderNameError, securityCodeError, securityCodeLength } from './cardFieldErrors';
export { DOCUMENT_COUNTRIES, documentTypesFor, validateDocument, type ShopperDocumentType } from './validateDocument';
export { cardSchema, type CardDetails } from './cardSchema';
