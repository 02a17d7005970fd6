/**
 * The stand-in's own 3-D Secure view for a 2.x transaction in a browser, as Yuno's Web SDK 2.x shows the bank's page
 * itself: a dialog with the sandbox's challenge page in an iframe, inside the transaction's `elementSelector` when it
 * names an element, else over the page. It resolves when the page posts its result (`{ origin: 'CHALLENGE', status,
 * checkoutSession }`, from the sandbox's origin or, for a `blob:` copy, from this window) and rejects when the shopper
 * closes it (the SDK's `USER_CANCEL`). Written by hand: it is the stand-in's imitation of a view Yuno renders, with no
 * library to take it from.
 */
export function showChallengeView(options: {
  /** The page to show: the sandbox's challenge URL, or its `blob:` copy. */
  page: string;
  /** The sandbox's challenge URL, whose origin may post the result. */
  url: string;
  checkoutSession: string;
  elementSelector?: string;
  language?: string;
}): Promise<void> {
  const { page, url, checkoutSession } = options;
  const host =
    (options.elementSelector ? document.querySelector<HTMLElement>(options.elementSelector) : null) ?? document.body;
  const overlay = host === document.body;
  const texts = textsOf(options.language);

  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-label', texts.title);
  dialog.dataset.yunoSandboxView = 'three-d-secure';
  if (overlay) {
    dialog.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;display:flex;flex-direction:column;align-items:center;' +
      'justify-content:center;gap:8px;background:rgba(0,0,0,.45)';
  }
  const frame = document.createElement('iframe');
  frame.title = texts.title;
  frame.src = page;
  frame.style.cssText = 'width:min(420px,100%);height:420px;border:0;background:#fff;border-radius:8px';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = texts.close;
  dialog.append(frame, close);
  const previousFocus = document.activeElement as HTMLElement | null;
  host.append(dialog);
  frame.focus();

  const sandboxOrigin = new URL(url).origin;
  return new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      window.removeEventListener('message', onMessage);
      dialog.removeEventListener('keydown', onKeyDown);
      dialog.remove();
      previousFocus?.focus?.();
    };
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { origin?: unknown; checkoutSession?: unknown } | null;
      if (!data || data.origin !== 'CHALLENGE' || data.checkoutSession !== checkoutSession) return;
      if (event.origin !== sandboxOrigin && event.origin !== window.location.origin) return;
      cleanup();
      resolve();
    };
    const cancel = () => {
      cleanup();
      reject(new Error('the shopper closed the 3-D Secure view'));
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') cancel();
    };
    window.addEventListener('message', onMessage);
    dialog.addEventListener('keydown', onKeyDown);
    close.addEventListener('click', cancel);
  });
}

function textsOf(language: string | undefined): { title: string; close: string } {
  const lang = (language ?? (typeof navigator === 'undefined' ? 'en' : navigator.language)).slice(0, 2).toLowerCase();
  if (lang === 'es') return { title: 'Verifica tu pago con tu banco', close: 'Cerrar' };
  if (lang === 'pt') return { title: 'Confirme seu pagamento com o seu banco', close: 'Fechar' };
  return { title: 'Verify your payment with your bank', close: 'Close' };
}
