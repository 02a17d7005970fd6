import type { BrowserContext, Frame } from 'playwright-core';

/** Card details a flow typed, which must not be found anywhere the page or the app keeps or shows things. */
export interface CardSecrets {
  number: string;
  cvv: string;
}

/** What a flow saw besides the pages themselves. */
export interface Observed {
  /** The merchant's origin (the app's): only its documents are scanned, not the sandbox's Secure Fields frames. */
  merchantOrigin: string;
  console: string[];
  urls: string[];
  /** Bodies of the requests that documents of the merchant's origin sent. */
  merchantRequestBodies: Array<{ url: string; body: string }>;
  /** Output of the app's and the sandbox's processes. */
  serverLogs: () => Array<{ name: string; text: string }>;
}

interface FrameDump {
  localStorage: string;
  sessionStorage: string;
  /** The whole document, scripts included. */
  html: string;
  /** Text nodes outside scripts and styles. */
  text: string;
  /** Form fields' values and the attributes a value could be copied into. */
  fields: string[];
}

/**
 * Whether a frame is the merchant's: of the merchant's origin, or a frame without a URL of its own (`about:blank`,
 * `about:srcdoc`), which takes its parent's. The sandbox's Secure Fields and 3DS frames, cross-origin, are not.
 */
export function isMerchantFrame(frame: Frame, merchantOrigin: string): boolean {
  const url = frame.url();
  if (url === '' || url.startsWith('about:')) {
    const parent = frame.parentFrame();
    return parent ? isMerchantFrame(parent, merchantOrigin) : true;
  }
  try {
    return new URL(url).origin === merchantOrigin;
  } catch {
    return false;
  }
}

const patternsOf = (secrets: CardSecrets) => ({
  cvv: new RegExp(`(?<![0-9A-Za-z])${secrets.cvv}(?![0-9A-Za-z])`),
  // The digits in order, with any spaces, dots or dashes between them (as a formatted card number shows them).
  number: new RegExp(secrets.number.split('').join('[\\s\\u00a0.-]*')),
});

/** The card data in one frame's storage, DOM, text and fields: what {@link findCardData} looks at in each frame. */
export async function findCardDataInFrame(frame: Frame, secrets: CardSecrets): Promise<string[]> {
  const found: string[] = [];
  const patterns = patternsOf(secrets);
  const check = (where: string, text: string, { cvv = true } = {}) => {
    if (patterns.number.test(text)) found.push(`card number in ${where}: ${excerpt(text, patterns.number)}`);
    if (cvv && patterns.cvv.test(text)) found.push(`CVV in ${where}: ${excerpt(text, patterns.cvv)}`);
  };
  const where = `frame ${frame.url()}`;
  let dump: FrameDump;
  try {
    dump = await frame.evaluate(dumpFrame);
  } catch (error) {
    // A frame that navigated away while being read has nothing left to read.
    if (frame.isDetached()) return found;
    throw error;
  }
  check(`localStorage of ${where}`, dump.localStorage);
  check(`sessionStorage of ${where}`, dump.sessionStorage);
  check(`the document of ${where}`, dump.html, { cvv: false });
  check(`the text of ${where}`, dump.text);
  for (const field of dump.fields) check(`a field of ${where}`, field);
  return found;
}

/**
 * Looks for the card number and the CVV in localStorage, sessionStorage and cookies (decoded too), console output,
 * every URL requested or visited, the bodies of the requests the merchant's documents sent, the DOM of every frame of
 * the merchant's origin (text, input values, attributes) and the servers' output. The sandbox's cross-origin frames
 * (Secure Fields, where the shopper types the card, and the 3DS page) are Yuno's, not the merchant's: not scanned.
 * The number is searched everywhere, also with spaces and dashes removed; the CVV, three or four digits, is searched
 * as a number standing alone, and not inside scripts, where any three digits can occur.
 */
export async function findCardData(
  context: BrowserContext,
  secrets: CardSecrets,
  observed: Observed,
): Promise<string[]> {
  const found: string[] = [];
  const patterns = patternsOf(secrets);
  const check = (where: string, text: string) => {
    if (patterns.number.test(text)) found.push(`card number in ${where}: ${excerpt(text, patterns.number)}`);
    if (patterns.cvv.test(text)) found.push(`CVV in ${where}: ${excerpt(text, patterns.cvv)}`);
  };

  for (const page of context.pages()) {
    for (const frame of page.frames()) {
      if (isMerchantFrame(frame, observed.merchantOrigin)) found.push(...(await findCardDataInFrame(frame, secrets)));
    }
  }

  for (const cookie of await context.cookies()) {
    check(`cookie ${cookie.name}`, `${cookie.name}=${cookie.value}`);
    check(`cookie ${cookie.name} (decoded)`, decodeCookie(cookie.value));
  }
  for (const line of observed.console) check('the console', line);
  for (const url of observed.urls) check('a URL', decodeURIComponentSafe(url));
  for (const { url, body } of observed.merchantRequestBodies) check(`the body of a request to ${url}`, body);
  for (const { name, text } of observed.serverLogs()) check(`the output of ${name}`, text);
  return found;
}

/** Runs in the page: its storage, document, text and fields. */
function dumpFrame(): FrameDump {
  const storage = (get: () => Storage) => {
    try {
      const store = get();
      const entries: Record<string, string | null> = {};
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key !== null) entries[key] = store.getItem(key);
      }
      return JSON.stringify(entries);
    } catch {
      return '';
    }
  };
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement?.tagName;
    if (parent !== 'SCRIPT' && parent !== 'STYLE' && parent !== 'NOSCRIPT') texts.push(node.nodeValue ?? '');
  }
  const fields: string[] = [];
  for (const element of Array.from(document.querySelectorAll('input, textarea, select'))) {
    const field = element as HTMLInputElement;
    fields.push(`${field.name || field.id || field.tagName}=${field.value}`);
  }
  for (const element of Array.from(document.querySelectorAll('*'))) {
    if (element.tagName === 'SCRIPT' || element.tagName === 'STYLE' || element.tagName === 'LINK') continue;
    for (const attribute of Array.from(element.attributes)) {
      if (/^(value|placeholder|title|alt|aria-.*|data-.*|name|content|label)$/.test(attribute.name)) {
        fields.push(`${attribute.name}=${attribute.value}`);
      }
    }
  }
  return {
    localStorage: storage(() => window.localStorage),
    sessionStorage: storage(() => window.sessionStorage),
    html: document.documentElement.outerHTML,
    text: texts.join('\n'),
    fields,
  };
}

function decodeCookie(value: string): string {
  const decoded = decodeURIComponentSafe(value);
  try {
    return `${decoded}\n${Buffer.from(decoded, 'base64url').toString('utf8')}`;
  } catch {
    return decoded;
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function excerpt(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) return '';
  const before = text.slice(Math.max(0, match.index - 40), match.index);
  const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
  // The report says where, without repeating the card data.
  return JSON.stringify(`${before}<HERE>${after}`);
}
