import { WEBHOOK_TRIGGERS } from '../../core';
import { isoTime } from '../ids';
import { idempotencyKeyOf, runIdempotent } from '../idempotency';
import { json } from '../responses';
import type { Route } from '../router';
import type { SandboxRuntime } from '../runtime';
import type { WebhookSubscriptionRecord } from '../SandboxStore';
import { SandboxHttpError } from '../SandboxHttpError';
import { readJsonObject } from '../validation';

// Yuno's Webhooks API (manage-webhooks.json): its own error codes and messages, quoted from the file.

type Json = Record<string, unknown>;

const invalid = (message: string) => new SandboxHttpError(400, 'WEBHOOK_INVALID_REQUEST', [message]);
const invalidAccount = () => new SandboxHttpError(400, 'INVALID_ACCOUNT_ID', ['Account id is invalid']);
const notFound = () => new SandboxHttpError(404, 'WEBHOOK_NOT_FOUND', ['The webhook does not exist for this account.']);
const conflict = () =>
  new SandboxHttpError(409, 'WEBHOOK_ALREADY_EXISTS', [
    'A webhook with the same name, or url and trigger(s), already exists for this account.',
  ]);

const TRIGGER_FIELDS = Object.keys(WEBHOOK_TRIGGERS) as Array<keyof typeof WEBHOOK_TRIGGERS>;
const STRING_FIELDS = [
  'name',
  'url',
  'api_key',
  'secret',
  'hmac_client_secret',
  'oauth2_authentication_url',
  'oauth2_client_id',
  'oauth2_client_secret',
  'oauth2_grant_type',
  'oauth2_scope',
  'oauth2_authorization_name',
] as const;

function checkAccount(rt: SandboxRuntime, accountId: unknown): void {
  if (accountId === undefined || accountId === null || accountId === '') throw invalid('account_id is required.');
  if (accountId !== rt.accountId) throw invalidAccount();
}

/** The fields' types; triggers against the file's enums; the URL an http(s) one. */
function checkFields(body: Json): void {
  for (const field of STRING_FIELDS) {
    if (body[field] !== undefined && typeof body[field] !== 'string') throw invalid(`${field} must be a string.`);
  }
  if (body.oauth2_include_client_id !== undefined && typeof body.oauth2_include_client_id !== 'boolean') {
    throw invalid('oauth2_include_client_id must be a boolean.');
  }
  for (const field of TRIGGER_FIELDS) {
    const value = body[field];
    if (value === undefined) continue;
    const known: readonly string[] = WEBHOOK_TRIGGERS[field];
    if (!Array.isArray(value) || value.some((t) => typeof t !== 'string' || !known.includes(t))) {
      throw new SandboxHttpError(400, 'WEBHOOK_INVALID_TRIGGER', ['One or more webhook triggers are invalid.']);
    }
  }
  if (body.url !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(body.url as string);
    } catch {
      url = undefined;
    }
    // Yuno also refuses addresses that are not public; the sandbox runs offline and delivers to local receivers.
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw new SandboxHttpError(400, 'WEBHOOK_URL_UNSAFE', [
        'The webhook url is not allowed; it must resolve to a public, routable address.',
      ]);
    }
  }
  if (
    body.renewal_days !== undefined &&
    (typeof body.renewal_days !== 'number' || !Number.isInteger(body.renewal_days) || body.renewal_days < 1)
  ) {
    throw invalid('renewal_days must be a positive integer.');
  }
}

const oauth2Error = () =>
  new SandboxHttpError(400, 'WEBHOOK_INVALID_OAUTH2', ['OAuth2 configuration is incomplete or inconsistent.']);

/** The rules a subscription must meet as a whole, after a create or an update. */
function checkWhole(record: WebhookSubscriptionRecord): void {
  if (!TRIGGER_FIELDS.some((field) => (record.triggers[field]?.length ?? 0) > 0)) {
    throw invalid('at least one trigger is required.');
  }
  const o = record.oauth2;
  const given = [o.authenticationUrl, o.clientId, o.clientSecret, o.grantType].filter((v) => v !== null).length;
  if (given !== 0 && given !== 4) throw oauth2Error();
  if (o.authenticationUrl !== null && !o.authenticationUrl.startsWith('https://')) throw oauth2Error();
  if (record.renewalDays !== null && !(record.triggers.subscription_triggers ?? []).includes('CLOSE_TO_RENEWAL')) {
    throw new SandboxHttpError(400, 'WEBHOOK_INVALID_RENEWAL_DAYS', [
      'renewal_days is only valid when subscription_triggers contains CLOSE_TO_RENEWAL',
    ]);
  }
}

/** Same name, or same URL with an event in common, as another webhook of the account. */
function checkConflicts(rt: SandboxRuntime, record: WebhookSubscriptionRecord): void {
  for (const other of rt.store.webhookSubscriptions.values()) {
    if (other.id === record.id) continue;
    if (other.name === record.name) throw conflict();
    if (other.url !== record.url) continue;
    for (const field of TRIGGER_FIELDS) {
      const mine = record.triggers[field] ?? [];
      if ((other.triggers[field] ?? []).some((t) => mine.includes(t))) throw conflict();
    }
  }
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Applies a create or update body to a record (an update changes only what it sends). */
function apply(record: WebhookSubscriptionRecord, body: Json): void {
  if (body.name !== undefined) record.name = body.name as string;
  if (body.url !== undefined) record.url = body.url as string;
  if (body.state !== undefined) record.state = body.state as 'ACTIVE' | 'INACTIVE';
  if (body.api_key !== undefined) record.apiKey = str(body.api_key);
  if (body.secret !== undefined) record.secret = str(body.secret);
  if (body.hmac_client_secret !== undefined) record.hmacClientSecret = str(body.hmac_client_secret);
  const o = record.oauth2;
  if (body.oauth2_authentication_url !== undefined) o.authenticationUrl = str(body.oauth2_authentication_url);
  if (body.oauth2_client_id !== undefined) o.clientId = str(body.oauth2_client_id);
  if (body.oauth2_client_secret !== undefined) o.clientSecret = str(body.oauth2_client_secret);
  if (body.oauth2_grant_type !== undefined) o.grantType = str(body.oauth2_grant_type);
  if (body.oauth2_scope !== undefined) o.scope = str(body.oauth2_scope);
  if (body.oauth2_authorization_name !== undefined) o.authorizationName = str(body.oauth2_authorization_name);
  if (body.oauth2_include_client_id !== undefined) o.includeClientId = body.oauth2_include_client_id as boolean;
  for (const field of TRIGGER_FIELDS) {
    if (body[field] !== undefined) record.triggers[field] = [...new Set(body[field] as string[])];
  }
  if (body.renewal_days !== undefined) record.renewalDays = body.renewal_days as number;
  if (body.clear_renewal_days === true) record.renewalDays = null;
}

const mask = (value: string | null) => (value === null ? null : '***');

/** A webhook as Yuno answers it, its secrets masked. */
export function webhookSubscriptionView(rt: SandboxRuntime, record: WebhookSubscriptionRecord): Json {
  const o = record.oauth2;
  return {
    id: record.id,
    account_id: rt.accountId,
    name: record.name,
    state: record.state,
    url: record.url,
    api_key: mask(record.apiKey),
    secret: mask(record.secret),
    hmac_client_secret: mask(record.hmacClientSecret),
    oauth2_authentication_url: o.authenticationUrl,
    oauth2_client_secret: mask(o.clientSecret),
    oauth2_client_id: o.clientId,
    oauth2_grant_type: o.grantType,
    oauth2_scope: o.scope,
    oauth2_authorization_name: o.authorizationName,
    oauth2_include_client_id: o.includeClientId,
    enrollment_triggers: record.triggers.enrollment_triggers ?? null,
    payment_triggers: record.triggers.payment_triggers ?? null,
    report_triggers: record.triggers.report_triggers ?? null,
    subscription_triggers: record.triggers.subscription_triggers ?? null,
    onboarding_triggers: record.triggers.onboarding_triggers ?? null,
    renewal_days: record.renewalDays,
    created_at: isoTime(record.createdAt),
    updated_at: isoTime(record.updatedAt),
  };
}

function findWebhook(rt: SandboxRuntime, id: string): WebhookSubscriptionRecord {
  const record = rt.store.webhookSubscriptions.get(id);
  if (!record) throw notFound();
  return record;
}

const copy = (record: WebhookSubscriptionRecord): WebhookSubscriptionRecord => ({
  ...record,
  oauth2: { ...record.oauth2 },
  triggers: { ...record.triggers },
});

export const webhookRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/webhooks',
    auth: 'private',
    handler({ rt, url }) {
      checkAccount(rt, url.searchParams.get('account_id'));
      const state = url.searchParams.get('state');
      if (state !== null && state !== 'ACTIVE' && state !== 'INACTIVE') {
        throw invalid('state must be ACTIVE or INACTIVE.');
      }
      const list = [...rt.store.webhookSubscriptions.values()].filter((w) => state === null || w.state === state);
      return json(
        200,
        list.map((w) => webhookSubscriptionView(rt, w)),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/v1/webhooks',
    auth: 'private',
    handler({ rt, request }) {
      return runIdempotent(
        rt,
        'webhook-create',
        idempotencyKeyOf(request),
        async () => {
          const body = await readJsonObject(request);
          if ([body.account_id, body.name, body.url].some((v) => v === undefined || v === null || v === '')) {
            throw invalid('account_id, name and url are required.');
          }
          checkAccount(rt, body.account_id);
          if (body.state !== undefined || body.clear_renewal_days !== undefined) {
            throw invalid('state and clear_renewal_days can only be sent when updating a webhook.');
          }
          checkFields(body);
          return body;
        },
        async (body) => {
          const now = rt.clock.now();
          rt.store.webhookSeq += 1;
          const record: WebhookSubscriptionRecord = {
            id: String(rt.store.webhookSeq),
            name: '',
            state: 'ACTIVE',
            url: '',
            apiKey: null,
            secret: null,
            hmacClientSecret: null,
            oauth2: {
              authenticationUrl: null,
              clientId: null,
              clientSecret: null,
              grantType: null,
              scope: null,
              authorizationName: null,
              includeClientId: false,
            },
            triggers: {},
            renewalDays: null,
            createdAt: now,
            updatedAt: now,
          };
          apply(record, body);
          checkWhole(record);
          checkConflicts(rt, record);
          rt.store.webhookSubscriptions.set(record.id, record);
          return { status: 201, body: webhookSubscriptionView(rt, record) };
        },
      );
    },
  },
  {
    method: 'GET',
    pattern: '/v1/webhooks/:webhook_id',
    auth: 'private',
    handler({ rt, url, params }) {
      checkAccount(rt, url.searchParams.get('account_id'));
      return json(200, webhookSubscriptionView(rt, findWebhook(rt, params.webhook_id as string)));
    },
  },
  {
    method: 'PATCH',
    pattern: '/v1/webhooks/:webhook_id',
    auth: 'private',
    handler({ rt, request, params }) {
      const id = params.webhook_id as string;
      return runIdempotent(
        rt,
        `webhook-update:${id}`,
        idempotencyKeyOf(request),
        async () => {
          const body = await readJsonObject(request);
          checkAccount(rt, body.account_id);
          if (body.renewal_days !== undefined && body.clear_renewal_days !== undefined) {
            throw invalid('renewal_days and clear_renewal_days cannot be set together.');
          }
          if (body.state !== undefined && body.state !== 'ACTIVE' && body.state !== 'INACTIVE') {
            throw invalid('state must be ACTIVE or INACTIVE.');
          }
          if (body.clear_renewal_days !== undefined && typeof body.clear_renewal_days !== 'boolean') {
            throw invalid('clear_renewal_days must be a boolean.');
          }
          checkFields(body);
          return { body, record: findWebhook(rt, id) };
        },
        async ({ body, record }) => {
          // Checked on a copy: a refused update leaves the webhook as it was.
          const next = copy(record);
          apply(next, body);
          checkWhole(next);
          checkConflicts(rt, next);
          next.updatedAt = rt.clock.now();
          rt.store.webhookSubscriptions.set(id, next);
          return { status: 200, body: webhookSubscriptionView(rt, next) };
        },
      );
    },
  },
  {
    method: 'DELETE',
    pattern: '/v1/webhooks/:webhook_id',
    auth: 'private',
    handler({ rt, request, url, params }) {
      const id = params.webhook_id as string;
      return runIdempotent(
        rt,
        `webhook-delete:${id}`,
        idempotencyKeyOf(request),
        async () => {
          checkAccount(rt, url.searchParams.get('account_id'));
          return findWebhook(rt, id);
        },
        async (record) => {
          rt.store.webhookSubscriptions.delete(id);
          return { status: 200, body: webhookSubscriptionView(rt, record) };
        },
      );
    },
  },
];
