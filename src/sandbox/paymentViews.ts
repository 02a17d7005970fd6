import { isoTime } from './ids';
import type { PaymentRecord, TransactionRecord } from './SandboxStore';

// Payments answer with the keys and the empty values ("" or null) of Yuno's examples for each endpoint: Create,
// Retrieve, Retrieve by order and the webhook payload each have their own set.

type Json = Record<string, unknown>;

function paymentMethodView(payment: PaymentRecord, detailKey: 'payment_method_detail' | 'detail'): Json {
  return {
    vaulted_token: payment.vaultedToken ?? '',
    type: payment.methodType,
    vault_on_success: payment.vaultOnSuccess,
    token: payment.token ?? '',
    parent_payment_method_type: null,
    [detailKey]: payment.detail,
  };
}

export function transactionView(
  payment: PaymentRecord,
  tx: TransactionRecord,
  detailKey: 'payment_method_detail' | 'detail' = 'detail',
): Json {
  return {
    id: tx.id,
    type: tx.type,
    status: tx.status,
    category: tx.category,
    amount: tx.amount,
    provider_id: tx.providerId,
    payment_method: paymentMethodView(payment, detailKey),
    response_code: tx.responseCode,
    response_message: tx.responseMessage,
    reason: tx.reason,
    description: tx.description,
    merchant_reference: tx.merchantReference,
    provider_data: {
      id: tx.providerId,
      transaction_id: tx.id,
      account_id: '',
      status: tx.status,
      sub_status: '',
      status_detail: '',
      response_message: tx.responseMessage,
      response_code: tx.responseCode,
      // What Yuno's test gateway reports back, in the shape its examples show.
      raw_response: {
        amount: { currency: payment.amount.currency, value: tx.amount },
        merchantAccount: 'YunoSandbox',
        reference: tx.id,
        status: tx.status === 'SUCCEEDED' ? 'received' : tx.status.toLowerCase(),
      },
      third_party_transaction_id: '',
      third_party_account_id: null,
      iso8583_response_code: tx.status === 'SUCCEEDED' ? '00' : null,
      iso8583_response_message: tx.status === 'SUCCEEDED' ? 'Approved or completed successfully' : null,
    },
    connection_data: { id: 'sandbox-connection', name: 'Yuno Sandbox' },
    created_at: isoTime(tx.createdAt),
    updated_at: isoTime(tx.updatedAt),
  };
}

function lastTransaction(payment: PaymentRecord): TransactionRecord | undefined {
  return payment.transactions[payment.transactions.length - 1];
}

const checkoutView = (p: PaymentRecord) => ({
  session: p.checkoutSession ?? '',
  sdk_action_required: p.sdkActionRequired,
});

/** `POST /v1/payments`: `transactions` is the latest transaction as one object. */
export function paymentCreateView(payment: PaymentRecord): Json {
  const latest = lastTransaction(payment);
  const summary = paymentSummaryView(payment);
  return {
    ...summary,
    amount: { ...(summary.amount as Json), currency_conversion: null },
    checkout: checkoutView(payment),
    payment_method: paymentMethodView(payment, 'payment_method_detail'),
    customer_payer: payment.customerPayer,
    additional_data: payment.additionalData,
    transactions: latest ? transactionView(payment, latest) : null,
    transactions_history: payment.transactions.map((tx) => transactionView(payment, tx)),
    callback_url: payment.callbackUrl,
    workflow: payment.workflow,
    metadata: payment.metadata,
    fraud_screening: payment.fraudScreening,
    payment_link_id: '',
    subscription_code: null,
    routing_rules: { smart_routing: false, monitors: false, condition: { id: 0, name: 'Sandbox', description: '' } },
    simplified_mode: false,
  };
}

function paymentRetrieveFields(payment: PaymentRecord): Json {
  return {
    ...paymentSummaryView(payment),
    checkout: checkoutView(payment),
    payment_method: paymentMethodView(payment, 'payment_method_detail'),
    customer_payer: payment.customerPayer,
    additional_data: payment.additionalData,
    taxes: null,
    transactions: payment.transactions.map((tx) => transactionView(payment, tx)),
    split: [],
    callback_url: payment.callbackUrl,
    workflow: payment.workflow,
    metadata: payment.metadata,
  };
}

/** The payment inside `GET /v1/payments/{id}`'s `{ payment }`: `transactions` is an array. */
export function paymentRetrieveView(payment: PaymentRecord): Json {
  return {
    ...paymentRetrieveFields(payment),
    account_code: payment.accountId,
    fraud_screening: payment.fraudScreening,
    idempotency_key: payment.idempotencyKey,
    payment_link_code: '',
    routing_rules: null,
    split_marketplace: [],
  };
}

/** One payment of `GET /v1/payments?merchant_order_id=`. */
export function paymentListItemView(payment: PaymentRecord): Json {
  return { ...paymentRetrieveFields(payment), fraud_screening: payment.fraudScreening, payment_link_code: '' };
}

/** `data.payment` of a payment webhook: the Retrieve shape, with `transactions` as one object and the history. */
export function paymentWebhookView(payment: PaymentRecord): Json {
  const latest = lastTransaction(payment);
  return {
    ...paymentRetrieveView(payment),
    order_id: payment.merchantOrderId,
    // Yuno's webhook example names a transaction's card block `payment_method_detail`; Create and Retrieve, `detail`.
    transactions: latest ? transactionView(payment, latest, 'payment_method_detail') : null,
    transactions_history: payment.transactions.map((tx) => transactionView(payment, tx, 'payment_method_detail')),
    subscription_id: null,
  };
}

/** The short form of the payment a cancel-or-refund answer carries. */
export function paymentSummaryView(payment: PaymentRecord): Json {
  return {
    id: payment.id,
    account_id: payment.accountId,
    description: payment.description,
    country: payment.country,
    status: payment.status,
    sub_status: payment.subStatus,
    merchant_order_id: payment.merchantOrderId,
    created_at: isoTime(payment.createdAt),
    updated_at: isoTime(payment.updatedAt),
    amount: {
      captured: payment.amount.captured,
      currency: payment.amount.currency,
      refunded: payment.amount.refunded,
      value: payment.amount.value,
    },
  };
}
