// The sandbox's stand-ins for a card issuer's 3DS challenge and for a bank's or wallet's payment page. They are real
// pages a person or a browser test can use, so they follow the basics: a language, a title, labelled fields, buttons
// that say what they do, and results announced through role="status".

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; padding: 1.5rem; color: #111827; background: #f9fafb; }
  main { max-width: 26rem; margin: 0 auto; background: #fff; border: 1px solid #d1d5db; border-radius: 0.75rem; padding: 1.5rem; }
  h1 { font-size: 1.25rem; margin: 0 0 0.75rem; }
  p { line-height: 1.5; }
  label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
  input { font-size: 1.125rem; padding: 0.5rem; width: 100%; box-sizing: border-box; border: 1px solid #6b7280; border-radius: 0.375rem; }
  button { font-size: 1rem; padding: 0.625rem 1rem; margin-top: 1rem; margin-right: 0.5rem; border-radius: 0.375rem; border: 1px solid #1f2937; background: #1f2937; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #1f2937; }
  button:focus-visible, input:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
  .hint { color: #4b5563; font-size: 0.875rem; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
</style>
</head>
<body>
<main>
${body}
</main>
${script}
</body>
</html>`;
}

export function threeDSecureChallengePage(input: {
  action: string;
  merchantAmount: string | null;
  error?: string;
}): string {
  return layout(
    'Sandbox 3-D Secure verification',
    `<h1>Verify your payment</h1>
<p>Your bank is asking you to confirm this payment${input.merchantAmount ? ` of <strong>${escapeHtml(input.merchantAmount)}</strong>` : ''}.</p>
${input.error ? `<p role="alert">${escapeHtml(input.error)}</p>` : ''}
<form method="post" action="${escapeHtml(input.action)}">
  <label for="otp">Verification code</label>
  <input id="otp" name="otp" type="text" inputmode="numeric" autocomplete="one-time-code" required aria-describedby="otp-hint">
  <p id="otp-hint" class="hint">Sandbox: 1234 authenticates, 1111 fails.</p>
  <button type="submit">Verify payment</button>
</form>`,
  );
}

export function threeDSecureResultPage(input: { status: 'SUCCEEDED' | 'DECLINED'; checkoutSession: string }): string {
  const message =
    input.status === 'SUCCEEDED'
      ? 'Verification complete: payment authenticated.'
      : 'Verification failed: payment declined.';
  const data = JSON.stringify({
    origin: 'CHALLENGE',
    status: input.status,
    checkoutSession: input.checkoutSession,
  }).replace(/</g, '\\u003c');
  return layout(
    'Sandbox 3-D Secure result',
    `<h1>Payment verification</h1>
<p role="status">${escapeHtml(message)}</p>`,
    `<script>(function () { var target = window.parent !== window ? window.parent : window.opener; if (target) target.postMessage(${data}, '*'); })();</script>`,
  );
}

export function noChallengePage(): string {
  return layout(
    'Sandbox 3-D Secure verification',
    `<h1>Nothing to verify</h1>
<p role="status">No payment is waiting for 3-D Secure verification here.</p>`,
  );
}

export function redirectPage(input: { action: string; method: string; amount: string; reference: string }): string {
  return layout(
    `Sandbox ${input.method} payment`,
    `<h1>Pay with ${escapeHtml(input.method)}</h1>
<p>This page stands in for the bank or wallet page the shopper is sent to.</p>
<dl>
  <dt>Amount</dt><dd>${escapeHtml(input.amount)}</dd>
  <dt>Reference</dt><dd>${escapeHtml(input.reference)}</dd>
</dl>
<form method="post" action="${escapeHtml(input.action)}">
  <button type="submit" name="decision" value="approve">Approve payment</button>
  <button type="submit" name="decision" value="decline" class="secondary">Decline payment</button>
</form>`,
  );
}

export function paymentResultPage(input: { status: string; method: string }): string {
  const text =
    input.status === 'SUCCEEDED'
      ? 'Payment approved.'
      : input.status === 'DECLINED'
        ? 'Payment declined.'
        : `Payment status: ${input.status}.`;
  return layout(
    `Sandbox ${input.method} payment`,
    `<h1>${escapeHtml(input.method)} payment</h1>
<p role="status">${escapeHtml(text)} You can close this page.</p>`,
  );
}

export function notFoundPage(what: string): string {
  return layout('Not found', `<h1>Not found</h1>\n<p role="status">${escapeHtml(what)}</p>`);
}

export function enrollmentPage(input: { action: string; method: string; reference: string }): string {
  return layout(
    `Sandbox ${input.method} enrollment`,
    `<h1>Save ${escapeHtml(input.method)}</h1>
<p>This page stands in for the wallet or bank page where the shopper confirms saving the payment method.</p>
<dl>
  <dt>Reference</dt><dd>${escapeHtml(input.reference)}</dd>
</dl>
<form method="post" action="${escapeHtml(input.action)}">
  <button type="submit" name="decision" value="approve">Save payment method</button>
  <button type="submit" name="decision" value="decline" class="secondary">Do not save</button>
</form>`,
  );
}

export function enrollmentResultPage(input: { status: string; method: string }): string {
  const text =
    input.status === 'ENROLLED'
      ? 'Payment method saved.'
      : input.status === 'DECLINED'
        ? 'Payment method not saved.'
        : `Enrollment status: ${input.status}.`;
  return layout(
    `Sandbox ${input.method} enrollment`,
    `<h1>${escapeHtml(input.method)} enrollment</h1>
<p role="status">${escapeHtml(text)} You can close this page.</p>`,
  );
}
