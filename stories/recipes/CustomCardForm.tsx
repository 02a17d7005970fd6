import { useState } from 'react';
import { useCardForm } from 'yuno-react';

/** The card fields this layout shows, in order: the three Secure Fields, then the holder name (a page input). */
const SECURE_FIELDS = ['number', 'expiry', 'securityCode'] as const;

const frameStyle = { border: '1px solid #6b7280', borderRadius: 6, padding: 2 } as const;
const errorStyle = { color: '#b91c1c', margin: '0.25rem 0 0', minHeight: '1.25em' } as const;

/**
 * A card form laid out from `useCardForm`'s prop getters alone (`getFormProps`, `getLabelProps`,
 * `getSecureFieldProps`, `getFieldProps`, `getErrorProps`, `getSubmitProps`): the card number, expiry and security
 * code are Yuno's Secure Fields in containers of the page's own markup; labels, errors, the summary and the button are
 * the page's.
 *
 * @example
 * ```tsx
 * <YunoProvider {...providerProps}>
 *   <CustomCardForm />
 * </YunoProvider>
 * ```
 */
export function CustomCardForm() {
  const [paid, setPaid] = useState(false);
  const card = useCardForm({ requireDocument: false, onSuccess: () => setPaid(true) });
  return (
    <form {...card.getFormProps()} style={{ display: 'grid', gap: '0.75rem', maxWidth: '24rem' }}>
      {card.alerts.errorSummary.length > 0 ? (
        <div role="alert">
          <p style={{ fontWeight: 600, margin: 0 }}>{card.alerts.errorSummaryTitle}</p>
          <ul style={{ margin: 0 }}>
            {card.alerts.errorSummary.map((entry) => (
              <li key={entry.name}>
                <button type="button" onClick={entry.focus}>
                  {entry.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {SECURE_FIELDS.map((name) => (
        <div key={name}>
          <label {...card.getLabelProps(name)} style={{ fontWeight: 600 }}>
            {card.fields[name].label}
          </label>
          <div {...card.getSecureFieldProps(name)} style={frameStyle} />
          <p {...card.getErrorProps(name)} style={errorStyle}>
            {card.fields[name].error}
          </p>
        </div>
      ))}
      <div>
        <label {...card.getLabelProps('holderName')} style={{ display: 'block', fontWeight: 600 }}>
          {card.fields.holderName.label}
        </label>
        <input {...card.getFieldProps('holderName')} style={{ ...frameStyle, padding: '0.5rem', width: '100%' }} />
        <p {...card.getErrorProps('holderName')} style={errorStyle}>
          {card.fields.holderName.error}
        </p>
      </div>
      {card.alerts.server ? <p role="alert">{card.alerts.server}</p> : null}
      <p role="status">{paid ? 'Paid. Thank you!' : card.alerts.status}</p>
      <button {...card.getSubmitProps()}>{card.submitLabel}</button>
    </form>
  );
}
