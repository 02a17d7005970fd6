// The page of one Secure Field, as the sandbox serves it into a cross-origin iframe: one labelled <input> and an
// inline script that formats, detects the brand, validates and tokenizes, so the card number and CVV stay on the
// sandbox's origin. The page speaks to the merchant's page only through postMessage (see SECURE_FIELD_MESSAGE), to the
// one origin it was given, and to its sibling fields (same origin) through a BroadcastChannel named by the form's channel.
import { CARD_PREFIXES, securityCodeLength } from './cards';
import { escapeHtml } from './pages';

/** `type` of every message between a secure field's frame and the page that mounted it. */
export const SECURE_FIELD_MESSAGE = 'yuno-sandbox:secure-field';

/** The card inputs the sandbox serves. */
export const SECURE_FIELD_NAMES = ['pan', 'expiration', 'cvv'] as const;
export type SecureFieldName = (typeof SECURE_FIELD_NAMES)[number];

/** A form's channel: the random id that ties a page's fields together (their BroadcastChannel and their messages). */
export const SECURE_FIELD_CHANNEL = /^[A-Za-z0-9_-]{16,128}$/;

const DEFAULTS: Record<SecureFieldName, { label: string; autocomplete: string; placeholder: string }> = {
  pan: { label: 'Card number', autocomplete: 'cc-number', placeholder: '1234 1234 1234 1234' },
  expiration: { label: 'Expiration date', autocomplete: 'cc-exp', placeholder: 'MM/YY' },
  cvv: { label: 'Security code', autocomplete: 'cc-csc', placeholder: 'CVV' },
};

/** The Content-Security-Policy of a field's page: its own nonce'd script and style, fetches to its own origin only. */
export function secureFieldCsp(nonce: string, parent: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'none'",
    "font-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    `frame-ancestors ${parent}`,
  ].join('; ');
}

/** The HTML of one field's page. `parent` is the only origin the page talks to and may be framed by. */
export function secureFieldPage(input: {
  name: SecureFieldName;
  channel: string;
  parent: string;
  nonce: string;
}): string {
  const defaults = DEFAULTS[input.name];
  const config = JSON.stringify({
    name: input.name,
    channel: input.channel,
    parent: input.parent,
    type: SECURE_FIELD_MESSAGE,
    prefixes: CARD_PREFIXES,
    amexCvv: securityCodeLength('AMEX'),
    cvv: securityCodeLength('VISA'),
  }).replace(/</g, '\\u003c');
  const nonce = escapeHtml(input.nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(defaults.label)}</title>
<style nonce="${nonce}">
  html, body { margin: 0; padding: 0; background: transparent; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; padding: 2px; }
  label { display: block; font-size: 0.875rem; font-weight: 600; margin-bottom: 0.25rem; }
  input { font: inherit; font-size: 1rem; padding: 0.5rem; width: 100%; box-sizing: border-box; border: 1px solid #6b7280; border-radius: 0.375rem; background: #fff; color: inherit; }
  input:focus-visible { outline: 3px solid #2563eb; outline-offset: 1px; }
  input[aria-invalid="true"] { border-color: #b91c1c; }
  .error { color: #b91c1c; font-size: 0.8125rem; margin: 0.25rem 0 0; min-height: 1em; }
  .error:empty { display: none; }
</style>
<style nonce="${nonce}" id="merchant-styles"></style>
</head>
<body>
<label id="label" for="field">${escapeHtml(defaults.label)}</label>
<input id="field" name="${input.name}" type="text" inputmode="numeric" autocomplete="${defaults.autocomplete}"
  placeholder="${escapeHtml(defaults.placeholder)}" spellcheck="false" autocorrect="off" autocapitalize="off"
  aria-describedby="error" aria-invalid="false">
<p id="error" class="error" role="alert"></p>
<script nonce="${nonce}">${FIELD_SCRIPT.replace('__CONFIG__', config)}</script>
</body>
</html>`;
}

// Plain ES2017 that runs in the frame. It never logs, stores or posts the card number or the CVV to the page: the page
// gets `{ error, data, isDirty }` changes and, after `tokenize`, the token object Yuno's SDK gives.
const FIELD_SCRIPT = `(function () {
  'use strict';
  var config = __CONFIG__;
  var NAME = config.name, PARENT = config.parent, CHANNEL = config.channel, TYPE = config.type;
  var input = document.getElementById('field');
  var labelEl = document.getElementById('label');
  var errorEl = document.getElementById('error');
  var merchantStyles = document.getElementById('merchant-styles');
  var bus = new BroadcastChannel('yuno-sandbox-secure-fields:' + CHANNEL);
  var options = { showError: true, validationType: 'on_blur', errorMessage: '' };
  var brand = 'UNKNOWN';
  var dirty = false, touched = false, customError = '';

  // A page that frames this one under another origin than the one it was given gets nothing from it.
  var ancestors = window.location.ancestorOrigins;
  if (window.parent === window || (ancestors && ancestors.length && ancestors[0] !== PARENT)) return;

  function post(message) {
    message.type = TYPE;
    message.channel = CHANNEL;
    message.name = NAME;
    window.parent.postMessage(message, PARENT);
  }
  function digitsOf(text) { return String(text || '').replace(/\\D/g, ''); }
  function detect(number) {
    for (var i = 0; i < config.prefixes.length; i++) {
      var rule = config.prefixes[i], size = String(rule[1]).length, prefix = Number(number.slice(0, size));
      if (number.length >= size && prefix >= rule[1] && prefix <= rule[2]) return rule[0];
    }
    return 'UNKNOWN';
  }
  function luhn(number) {
    var sum = 0, double = false;
    for (var i = number.length - 1; i >= 0; i--) {
      var d = number.charCodeAt(i) - 48;
      if (double) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
      double = !double;
    }
    return number.length > 0 && sum % 10 === 0;
  }
  function lengthsOf(b) {
    if (b === 'AMEX') return [15];
    if (b === 'DINERS') return [14, 16];
    if (b === 'VISA') return [13, 16, 19];
    if (b === 'MASTERCARD' || b === 'ELO' || b === 'HIPERCARD') return [16];
    return [12, 13, 14, 15, 16, 17, 18, 19];
  }
  function groupsOf(b, length) {
    if (b === 'AMEX') return [4, 6, 5];
    if (b === 'DINERS' && length <= 14) return [4, 6, 4];
    return [4, 4, 4, 4, 3];
  }
  function cvvLengths() {
    if (brand === 'UNKNOWN') return [config.cvv, config.amexCvv];
    return [brand === 'AMEX' ? config.amexCvv : config.cvv];
  }
  function maxLength() {
    if (NAME === 'pan') { var l = lengthsOf(brand); return l[l.length - 1]; }
    if (NAME === 'expiration') return 4;
    return Math.max.apply(null, cvvLengths());
  }
  function format(digits) {
    if (NAME === 'pan') {
      var groups = groupsOf(brand, digits.length), parts = [], at = 0;
      for (var i = 0; i < groups.length && at < digits.length; i++) { parts.push(digits.slice(at, at + groups[i])); at += groups[i]; }
      return parts.join(' ');
    }
    if (NAME === 'expiration') return digits.length > 2 ? digits.slice(0, 2) + '/' + digits.slice(2) : digits;
    return digits;
  }
  function read() { return digitsOf(input.value); }
  /** The field's verdict: an error message, or '' when the value is valid. */
  function check() {
    var digits = read();
    if (NAME === 'pan') {
      if (!digits) return 'Enter the card number.';
      if (lengthsOf(brand).indexOf(digits.length) < 0 || !luhn(digits)) return 'Enter a valid card number.';
      return '';
    }
    if (NAME === 'expiration') {
      if (!digits) return 'Enter the expiration date.';
      var month = Number(digits.slice(0, 2)), year = 2000 + Number(digits.slice(2, 4));
      if (digits.length !== 4 || month < 1 || month > 12) return 'Enter the expiration date as MM/YY.';
      var now = new Date();
      if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) return 'The card has expired.';
      return '';
    }
    if (!digits) return 'Enter the security code.';
    if (cvvLengths().indexOf(digits.length) < 0) return 'Enter a valid security code.';
    return '';
  }
  function iinOf(digits) {
    if (digits.length < 6) return null;
    // As cards.ts's cardIin: 8 digits of a 16-digit or longer number, 6 of a shorter one.
    var lengths = lengthsOf(brand);
    return digits.slice(0, digits.length >= 16 || (digits.length >= 8 && lengths[lengths.length - 1] >= 16) ? 8 : 6);
  }
  function paint() {
    var message = customError || (touched ? check() : '');
    if (message && !customError && options.errorMessage) message = options.errorMessage;
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    errorEl.textContent = options.showError === false ? '' : message;
    resize();
  }
  function resize() { post({ event: 'resize', height: Math.ceil(document.documentElement.getBoundingClientRect().height) }); }
  function change() {
    var digits = read(), error = check();
    var data = { isValid: error === '', isCardIINLoading: false, isInstallmentLoading: false, cardConfig: null };
    if (NAME === 'pan') {
      var iin = iinOf(digits), lengths = lengthsOf(brand);
      data.brand = brand;
      data.iin = iin;
      data.cardIIN = iin ? { iin: iin, brand: brand, scheme: brand } : undefined;
      data.cardConfig = { brand: brand, scheme: brand, minLength: lengths[0], maxLength: lengths[lengths.length - 1], groupSizes: groupsOf(brand, digits.length) };
      bus.postMessage({ kind: 'brand', brand: brand });
    }
    post({ event: 'change', error: error !== '', data: data, isDirty: dirty });
  }
  input.addEventListener('input', function () {
    var caretDigits = digitsOf(input.value.slice(0, input.selectionStart || 0)).length;
    var digits = read();
    if (NAME === 'pan') brand = detect(digits);
    digits = digits.slice(0, maxLength());
    var text = format(digits);
    input.value = text;
    var caret = 0, seen = 0;
    while (caret < text.length && seen < caretDigits) { if (/\\d/.test(text[caret])) seen++; caret++; }
    if (document.activeElement === input) input.setSelectionRange(caret, caret);
    dirty = true;
    customError = '';
    if (options.validationType === 'on_change') touched = true;
    paint();
    change();
  });
  input.addEventListener('focus', function () { post({ event: 'focus' }); });
  input.addEventListener('blur', function () {
    if (dirty) touched = true;
    paint();
    post({ event: 'blur' });
  });

  bus.onmessage = function (event) {
    var m = event.data || {};
    if (m.kind === 'brand' && NAME === 'cvv') {
      brand = m.brand;
      if (dirty) { paint(); change(); }
    } else if (m.kind === 'collect') {
      touched = true;
      paint();
      bus.postMessage({ kind: 'value', id: m.id, name: NAME, value: read(), error: check() });
    }
  };

  function collect(fields, id) {
    return new Promise(function (resolve) {
      var got = {};
      got[NAME] = { value: read(), error: check() };
      var missing = fields.filter(function (name) { return name !== NAME; });
      if (!missing.length) return resolve(got);
      var timer = setTimeout(function () { bus.removeEventListener('message', onValue); resolve(got); }, 3000);
      function onValue(event) {
        var m = event.data || {};
        if (m.kind !== 'value' || m.id !== id) return;
        got[m.name] = { value: m.value, error: m.error };
        if (missing.every(function (name) { return got[name]; })) {
          clearTimeout(timer);
          bus.removeEventListener('message', onValue);
          resolve(got);
        }
      }
      bus.addEventListener('message', onValue);
      bus.postMessage({ kind: 'collect', id: id });
    });
  }

  // Messages from the sandbox could only repeat what was sent; digit runs as long as a card number are masked anyway.
  function scrub(messages) {
    return (Array.isArray(messages) ? messages : []).map(function (m) { return String(m).replace(/\\d{12,19}/g, '[card number]'); });
  }

  function tokenize(command) {
    touched = true;
    paint();
    return collect(command.fields, command.id).then(function (got) {
      var fields = {}, failed = false;
      command.fields.forEach(function (name) {
        var entry = got[name];
        if (!entry) { fields[name] = 'The field did not answer.'; failed = true; }
        else if (entry.error) { fields[name] = entry.error; failed = true; }
      });
      if (failed) return post({ event: 'tokenizeFailed', id: command.id, error: { code: 'INVALID_CARD_DATA', fields: fields } });
      var detail = {};
      if (got.pan) detail.number = got.pan.value;
      if (got.expiration) {
        detail.expiration_month = Number(got.expiration.value.slice(0, 2));
        detail.expiration_year = Number(got.expiration.value.slice(2, 4));
      }
      if (got.cvv) detail.security_code = got.cvv.value;
      var method = JSON.parse(JSON.stringify(command.paymentMethod || {}));
      method.card = method.card || {};
      method.card.detail = Object.assign({}, method.card.detail, detail);
      var session = String(command.target.session);
      var enroll = command.target.kind === 'customer';
      var path = enroll
        ? '/_sandbox/sdk/customers/sessions/' + encodeURIComponent(session) + '/enroll'
        : '/_sandbox/sdk/checkout/sessions/' + encodeURIComponent(session) + '/token';
      var body = enroll ? { customer_session: session, payment_method: method } : { checkout_session: session, payment_method: method };
      return fetch(path, {
        method: 'POST',
        credentials: 'omit',
        cache: 'no-store',
        headers: { 'content-type': 'application/json', 'public-api-key': String(command.publicApiKey) },
        body: JSON.stringify(body),
      }).then(function (response) {
        return response.json().catch(function () { return null; }).then(function (answer) {
          if (response.ok) return post({ event: 'tokenized', id: command.id, result: answer });
          post({
            event: 'tokenizeFailed',
            id: command.id,
            error: { status: response.status, code: answer && answer.code, messages: scrub(answer && answer.messages) },
          });
        });
      });
    }).catch(function () {
      post({ event: 'tokenizeFailed', id: command.id, error: { code: 'NETWORK_ERROR', messages: ['The sandbox could not be reached'] } });
    });
  }

  window.addEventListener('message', function (event) {
    var m = event.data;
    if (event.source !== window.parent || event.origin !== PARENT) return;
    if (!m || m.type !== TYPE || m.channel !== CHANNEL || m.name !== NAME) return;
    switch (m.command) {
      case 'configure': {
        var o = m.options || {};
        if (typeof o.label === 'string') { labelEl.textContent = o.label; document.title = o.label; }
        if (typeof o.placeholder === 'string') input.placeholder = o.placeholder;
        if (typeof o.inputMode === 'string') input.inputMode = o.inputMode;
        if (typeof o.styles === 'string') merchantStyles.textContent = o.styles;
        if (typeof o.showError === 'boolean') options.showError = o.showError;
        if (typeof o.validationType === 'string') options.validationType = o.validationType;
        if (typeof o.errorMessage === 'string') options.errorMessage = o.errorMessage;
        paint();
        post({ event: 'rendered' });
        break;
      }
      case 'focus': input.focus(); break;
      case 'validate': touched = true; paint(); post({ event: 'validated', id: m.id, valid: check() === '' }); break;
      case 'clear': input.value = ''; dirty = false; touched = false; customError = ''; paint(); change(); break;
      case 'setError': customError = String(m.message || ''); paint(); break;
      case 'clearError': customError = ''; touched = false; paint(); break;
      case 'tokenize': tokenize(m); break;
    }
  });

  post({ event: 'ready' });
})();`;
