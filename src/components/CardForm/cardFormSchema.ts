import * as z from 'zod/mini';
import { cardExpiryError } from '../../card/cardExpiry';
import { holderNameError, securityCodeLength, securityCodeLengthError } from '../../card/cardFieldErrors';
import { addCardIssue } from '../../card/cardSchema';
import { detectCardBrand } from '../../card/detectCardBrand';
import { cardNumberError } from '../../card/isValidCardNumber';
import { validateDocument, type ShopperDocumentType } from '../../card/validateDocument';

/**
 * What `<CardForm>` holds while the shopper types. Every field is a string as typed (the number formatted, the expiry
 * as MM/YY); `installments` is the chosen count.
 *
 * @example
 * ```tsx
 * <CardForm>{({ form }) => <p>{form.getValues('holderName')}</p>}</CardForm>
 * ```
 */
export interface CardFormValues {
  number: string;
  expiry: string;
  securityCode: string;
  holderName: string;
  documentType: string;
  documentNumber: string;
  installments: string;
  saveCard: boolean;
}

/**
 * A field of `<CardForm>`, as `<CardFormField name>` takes it.
 *
 * @example
 * ```tsx
 * const name: CardFormFieldName = 'expiry';
 * ```
 */
export type CardFormFieldName = keyof CardFormValues;

/**
 * An installment plan as Yuno's checkout session carries it: each option a count and its interest rate in percent.
 *
 * @example
 * ```tsx
 * <CardForm installments={{ plan_id: 'plan-3', plan: [{ installment: 1, rate: 0 }, { installment: 3, rate: 0 }] }} />
 * ```
 */
export interface CardFormInstallments {
  plan_id?: string | null;
  plan: ReadonlyArray<{ installment: number; rate: number }>;
}

export interface CardFormSchemaOptions {
  /** The fields on screen; the others are not checked. */
  fields: readonly CardFormFieldName[];
  country: string;
  documentTypes: readonly ShopperDocumentType[];
  installments: CardFormInstallments | undefined;
  /** In CVV mode, the saved card's security code length (its number is not typed). */
  savedSecurityCodeLength: number | undefined;
}

/** The schema of the fields on screen; each issue's message is `<field>.<code>`, a key of the catalog once prefixed. */
export function createCardFormSchema(options: CardFormSchemaOptions) {
  const on = new Set(options.fields);
  return z
    .object({
      number: z.string(),
      expiry: z.string(),
      securityCode: z.string(),
      holderName: z.string(),
      documentType: z.string(),
      documentNumber: z.string(),
      installments: z.string(),
      saveCard: z.boolean(),
    })
    .check(
      z.superRefine((v, ctx) => {
        const issue = (field: CardFormFieldName, code: Parameters<typeof addCardIssue>[2]) =>
          on.has(field) && addCardIssue(ctx, field, code);
        issue('number', cardNumberError(v.number));
        issue('expiry', cardExpiryError(v.expiry));
        const length = options.savedSecurityCodeLength ?? securityCodeLength(detectCardBrand(v.number));
        issue('securityCode', securityCodeLengthError(v.securityCode, length));
        issue('holderName', holderNameError(v.holderName));
        const typeKnown = (options.documentTypes as readonly string[]).includes(v.documentType);
        issue('documentType', typeKnown ? undefined : 'required');
        if (!v.documentNumber.trim()) issue('documentNumber', 'required');
        else if (typeKnown && !validateDocument(options.country, v.documentType, v.documentNumber)) {
          issue('documentNumber', 'invalid');
        }
        const offered = options.installments?.plan.some((o) => String(o.installment) === v.installments);
        issue('installments', offered ? undefined : 'required');
      }),
    );
}
