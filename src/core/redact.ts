/**
 * Masks anything that looks like a card number (13–19 digits, optionally spaced or dashed) or a labelled security code
 * in a text, so that an echo of shopper input in an upstream message can never reach a log or the screen.
 */
export function redactCardData(text: string): string {
  return text
    .replace(/\b(?:\d[ -]?){12,18}\d\b/g, '[redacted]')
    .replace(/\b(cvv|cvc|security_code|securityCode)\b(\W{1,4})\d{3,4}\b/gi, '$1$2[redacted]');
}
