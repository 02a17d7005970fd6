import type { BrowserInfo } from '../core';

/** A script cannot read the Accept header its browser sends; this is the one the library's own requests send. */
const ACCEPT_HEADER = 'application/json, text/plain, */*';

// Yuno documents user_agent as at most 255 characters and language as at most 5 (an IETF tag such as `pt-BR`).
const MAX_USER_AGENT_LENGTH = 255;
const MAX_LANGUAGE_LENGTH = 5;

/**
 * The `browser_info` Yuno's fraud prevention and 3DS read, from the shopper's browser: user agent, language, screen
 * size, colour depth and time-zone offset. Screen, colour and time values are strings, as Yuno's API documents them.
 * On the server (no `window`) every field is `null`, so it is safe to call during server rendering; call it in the
 * browser, when tokenizing, for real values.
 *
 * @see https://docs.y.uno/reference/payments/create-payment
 * @example
 * ```ts
 * import { collectBrowserInfo } from 'yuno-react/core';
 *
 * const token = await tokenizer.createToken(input, {
 *   checkoutSession,
 *   countryCode: 'BR',
 *   browserInfo: collectBrowserInfo(),
 * });
 * ```
 */
export function collectBrowserInfo(): BrowserInfo {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') {
    return {
      user_agent: null,
      accept_header: null,
      accept_content: null,
      accept_browser: null,
      color_depth: null,
      screen_height: null,
      screen_width: null,
      javascript_enabled: null,
      java_enabled: null,
      browser_time_difference: null,
      language: null,
      platform: null,
    };
  }
  const screen = typeof window.screen === 'object' && window.screen !== null ? window.screen : undefined;
  return {
    user_agent: navigator.userAgent ? navigator.userAgent.slice(0, MAX_USER_AGENT_LENGTH) : null,
    accept_header: ACCEPT_HEADER,
    accept_content: null,
    accept_browser: null,
    color_depth: numberAsText(screen?.colorDepth),
    screen_height: numberAsText(screen?.height),
    screen_width: numberAsText(screen?.width),
    javascript_enabled: true,
    // Current browsers no longer run Java applets (`navigator.javaEnabled()` answers false everywhere).
    java_enabled: false,
    browser_time_difference: String(new Date().getTimezoneOffset()),
    language: shortLanguage(navigator.language),
    platform: 'WEB',
  };
}

function numberAsText(value: number | undefined): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

/** A tag longer than Yuno accepts (`es-419`, `zh-Hant-TW`) is cut to its language subtag rather than truncated. */
function shortLanguage(language: string | undefined): string | null {
  if (!language) return null;
  if (language.length <= MAX_LANGUAGE_LENGTH) return language;
  const primary = language.split('-', 1)[0] ?? '';
  return primary.length > 0 && primary.length <= MAX_LANGUAGE_LENGTH ? primary : null;
}
