// The page of the keystroke benchmark: yuno-react's checkout (YunoProvider, PaymentMethodList, CardForm, talking to the
// merchant routes this page is served with) and react-payment-inputs' card inputs, side by side on the same page.
// Bundled by bench/keystroke.mjs with esbuild (production React, yuno-react from dist/).
import { useEffect, useState, type ChangeEvent, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import * as yunoReact from 'yuno-react';
import usePaymentInputs from 'react-payment-inputs/es/usePaymentInputs.js';

const { YunoProvider, createServerTokenizer, createYunoBrowserClient } = yunoReact;
const { PaymentMethodList, CardForm } = yunoReact as unknown as Record<string, ComponentType<Record<string, unknown>>>;

interface Sample {
  side: string;
  /** keydown (first listener) → every input listener ran, React committed, style and layout flushed. */
  total: number;
  /** The page's own listeners: keydown and input (React's render and commit included). */
  handlers: number;
  /** Style and layout after the input listeners. */
  layout: number;
  /** keydown → the next animation frame begins. */
  frame: number;
}

interface BenchState {
  recording: boolean;
  samples: Sample[];
  ready: boolean;
  error?: string;
  /** How many times both forms were mounted afresh; `remount()` mounts them again (fields untouched, state empty). */
  generation: number;
  remount?: () => void;
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}

const bench: BenchState = { recording: false, samples: [], ready: false, generation: 0 };
window.__bench = bench;

// Timing around the input events. Listeners on window run first (capture) and last (bubble) around every listener of
// the page, React's included, and React renders a discrete event's update before the next listener runs. So:
// keydown capture → keydown bubble = the page's keydown work; input capture → input bubble = the page's input work
// (React's render and commit included); reading offsetWidth then flushes style and layout. The browser's own work
// between keydown and input (keypress, beforeinput, editing the text) is counted in the total.
let pending: { side: string; t0: number; keydownEnd?: number; inputStart?: number } | null = null;
window.addEventListener(
  'keydown',
  (event) => {
    const side = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-bench-side]')?.dataset.benchSide;
    pending = bench.recording && side ? { side, t0: performance.now() } : null;
  },
  { capture: true },
);
window.addEventListener('keydown', () => {
  if (pending) pending.keydownEnd = performance.now();
});
window.addEventListener(
  'input',
  () => {
    if (pending) pending.inputStart = performance.now();
  },
  { capture: true },
);
window.addEventListener('input', (event) => {
  const started = pending;
  pending = null;
  if (!started) return;
  const inputEnd = performance.now();
  void (event.target as HTMLElement).offsetWidth;
  const end = performance.now();
  const keydown = (started.keydownEnd ?? started.t0) - started.t0;
  const input = inputEnd - (started.inputStart ?? inputEnd);
  requestAnimationFrame(() => {
    bench.samples.push({
      side: started.side,
      total: end - started.t0,
      handlers: keydown + input,
      layout: end - inputEnd,
      frame: performance.now() - started.t0,
    });
  });
});

function PaymentInputsForm() {
  const { meta, getCardNumberProps, getExpiryDateProps, getCVCProps } = usePaymentInputs();
  const [number, setNumber] = useState('');
  const [expiry, setExpiry] = useState('');
  const [cvc, setCvc] = useState('');
  return (
    <form aria-label="react-payment-inputs" data-bench-side="react-payment-inputs" onSubmit={(e) => e.preventDefault()}>
      <label>
        Card number (react-payment-inputs)
        <input
          {...getCardNumberProps({ onChange: (e: ChangeEvent<HTMLInputElement>) => setNumber(e.target.value) })}
          value={number}
        />
      </label>
      <label>
        Expiry (react-payment-inputs)
        <input
          {...getExpiryDateProps({ onChange: (e: ChangeEvent<HTMLInputElement>) => setExpiry(e.target.value) })}
          value={expiry}
        />
      </label>
      <label>
        CVC (react-payment-inputs)
        <input
          {...getCVCProps({ onChange: (e: ChangeEvent<HTMLInputElement>) => setCvc(e.target.value) })}
          value={cvc}
        />
      </label>
      {meta.isTouched && meta.error ? <p role="alert">{meta.error}</p> : null}
    </form>
  );
}

function YunoCheckout({ checkoutSession, countryCode }: { checkoutSession: string; countryCode: string }) {
  const [client] = useState(() => createYunoBrowserClient({ baseUrl: '/api/yuno' }));
  const [tokenizer] = useState(() => createServerTokenizer({ client }));
  return (
    <section aria-label="yuno-react" data-bench-side="yuno-react">
      <YunoProvider
        checkoutSession={checkoutSession}
        countryCode={countryCode}
        client={client}
        tokenizer={tokenizer}
        language="en"
      >
        {PaymentMethodList ? <PaymentMethodList aria-label="Payment methods" defaultValue="CARD" /> : null}
        {CardForm ? <CardForm /> : <p>CardForm is not exported from yuno-react</p>}
      </YunoProvider>
    </section>
  );
}

async function main() {
  const response = await fetch('/api/yuno/checkout-sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`POST /api/yuno/checkout-sessions: ${response.status} ${await response.text()}`);
  const start = (await response.json()) as { checkoutSession: string; countryCode: string };
  createRoot(document.getElementById('root')!).render(<Page {...start} />);
  bench.ready = true;
}

function Page({ checkoutSession, countryCode }: { checkoutSession: string; countryCode: string }) {
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    bench.remount = () => setGeneration((n) => n + 1);
  }, []);
  useEffect(() => {
    bench.generation = generation;
  }, [generation]);
  return (
    <main key={generation}>
      <YunoCheckout checkoutSession={checkoutSession} countryCode={countryCode} />
      <PaymentInputsForm />
    </main>
  );
}

main().catch((error: unknown) => {
  bench.error = String(error);
});
