// React Profiler commits while a shopper types a 16-digit card number, a full expiry (MMYY) and a CVV into CardForm,
// next to a PaymentMethodList, on the offline stack. Each part sits in its own <Profiler>: a Profiler's onRender runs
// in a commit only when something inside it rendered, so its count is the number of commits that re-rendered it.
// Focus moves between fields are counted apart from keystrokes (leaving a field validates it: mode onTouched).
// jsdom runs no iframes, so the form is measured on its raw inputs (`cardFields="raw"`); with Secure Fields the typing
// happens inside the SDK's frames and the page renders only on their events.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { Profiler, type ComponentType, type ReactNode } from 'react';
import { afterAll, afterEach, describe, it } from 'vitest';
import * as yunoReact from 'yuno-react';
import { createCheckoutHarness } from '../../test/support/checkout';
import { TEST_CARD, TEST_CVV, TEST_EXPIRY, cardField, findCardForm } from './cardForm';
import { writeResult } from './record';

type AnyComponent = ComponentType<Record<string, unknown>>;
const parts = yunoReact as unknown as Record<string, AnyComponent | undefined>;
const {
  PaymentMethodList,
  CardForm,
  CardFormField,
  CardFormErrorSummary,
  CardFormAlert,
  CardFormStatusMessage,
  CardFormSubmit,
} = parts;

const FIELDS = ['number', 'expiry', 'securityCode', 'holderName'] as const;
const TYPED: Array<{ field: (typeof FIELDS)[number]; text: string }> = [
  { field: 'number', text: TEST_CARD },
  { field: 'expiry', text: TEST_EXPIRY },
  { field: 'securityCode', text: TEST_CVV },
];

interface PhaseCounts {
  keystrokes: number;
  commits: Record<string, number>;
}

function createRecorder() {
  const phases: Record<string, PhaseCounts> = {};
  let phase = 'mount';
  const counts = () => (phases[phase] ??= { keystrokes: 0, commits: {} });
  const onRender = (id: string) => {
    const c = counts().commits;
    c[id] = (c[id] ?? 0) + 1;
  };
  function P({ id, children }: { id: string; children: ReactNode }) {
    return (
      <Profiler id={id} onRender={onRender}>
        {children}
      </Profiler>
    );
  }
  return {
    P,
    phases,
    setPhase(name: string, keystrokes = 0) {
      phase = name;
      counts().keystrokes += keystrokes;
    },
  };
}

async function typeEachField(user: UserEvent, recorder: ReturnType<typeof createRecorder>) {
  const form = await findCardForm();
  // Wait for the list (and the card method's selection) to settle before counting.
  await screen.findAllByRole('radio');
  await new Promise((r) => setTimeout(r, 50));
  for (const { field, text } of TYPED) {
    recorder.setPhase(`focus ${field}`);
    await user.click(cardField(form, field));
    recorder.setPhase(field, text.length);
    await user.type(cardField(form, field), text, { skipClick: true });
    await new Promise((r) => setTimeout(r, 20));
  }
  recorder.setPhase('after');
  // Choosing another method changes only the checkout's selection: the parts that do not read it stay as they are.
  const other = screen.getAllByRole('radio').find((radio) => radio.getAttribute('aria-checked') !== 'true');
  if (other) {
    recorder.setPhase('select method');
    await user.click(other);
    await new Promise((r) => setTimeout(r, 20));
    recorder.setPhase('after select');
  }
  return {
    number: cardField(form, 'number').value.replace(/\D/g, '').length,
    expiry: cardField(form, 'expiry').value,
    securityCode: cardField(form, 'securityCode').value.length,
  };
}

const results: Record<string, unknown> = {};
afterEach(cleanup);
afterAll(() => writeResult('renders', results));

describe('renders', () => {
  it('composed from parts, one Profiler per part', async () => {
    const composable = [
      CardForm,
      CardFormField,
      CardFormErrorSummary,
      CardFormAlert,
      CardFormStatusMessage,
      CardFormSubmit,
    ];
    if (!PaymentMethodList || composable.some((c) => !c)) {
      results.composed = { error: 'PaymentMethodList, CardForm or its parts are not exported from yuno-react' };
      return;
    }
    const h = await createCheckoutHarness();
    const recorder = createRecorder();
    const { P } = recorder;
    const Form = CardForm!;
    const Field = CardFormField!;
    const [Summary, Alert, Status, Submit] = [
      CardFormErrorSummary!,
      CardFormAlert!,
      CardFormStatusMessage!,
      CardFormSubmit!,
    ];
    render(
      <h.Provider>
        <P id="page">
          <P id="PaymentMethodList">
            <PaymentMethodList aria-label="Payment methods" defaultValue="CARD" />
          </P>
          <P id="CardForm">
            <Form cardFields="raw">
              <P id="CardFormErrorSummary">
                <Summary />
              </P>
              {FIELDS.map((name) => (
                <P key={name} id={`CardFormField ${name}`}>
                  <Field name={name} />
                </P>
              ))}
              <P id="CardFormAlert">
                <Alert />
              </P>
              <P id="CardFormStatusMessage">
                <Status />
              </P>
              <P id="CardFormSubmit">
                <Submit />
              </P>
            </Form>
          </P>
        </P>
      </h.Provider>,
    );
    const typed = await typeEachField(userEvent.setup(), recorder);
    results.composed = { typed, phases: recorder.phases };
  });

  it('the default CardForm (no children), one Profiler around it', async () => {
    if (!PaymentMethodList || !CardForm) {
      results.default = { error: 'PaymentMethodList or CardForm is not exported from yuno-react' };
      return;
    }
    const h = await createCheckoutHarness();
    const recorder = createRecorder();
    const { P } = recorder;
    render(
      <h.Provider>
        <P id="page">
          <P id="PaymentMethodList">
            <PaymentMethodList aria-label="Payment methods" defaultValue="CARD" />
          </P>
          <P id="CardForm">
            <CardForm cardFields="raw" />
          </P>
        </P>
      </h.Provider>,
    );
    const typed = await typeEachField(userEvent.setup(), recorder);
    results.default = { typed, phases: recorder.phases };
  });
});
