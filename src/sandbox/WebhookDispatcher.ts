import { SANDBOX_WEBHOOK_RETRY_DELAYS_MS } from './constants';
import { hmacSha256Base64 } from './hmac';
import { uuid } from './ids';
import type { SandboxClock } from './SandboxClock';
import type { WebhookSubscriptionRecord } from './SandboxStore';
import type { SandboxWebhookDelivery, YunoSandboxOptions } from './types';

export interface WebhookEvent {
  /** `payment`, `enrollment`. */
  type: string;
  /** `payment.purchase`, `enrollment.enroll`, … */
  typeEvent: string;
  /** The envelope's `data`, as Yuno's examples carry it (`{ payment }`, `{ payment_method }`). */
  data: Record<string, unknown>;
}

/** An event as it is delivered: its `data` already serialised. */
interface SerialisedEvent {
  type: string;
  typeEvent: string;
  data: string;
}

/** Where a delivery goes: the receiver set in the sandbox's options, or a subscription made through the Webhooks API. */
type Target = { kind: 'options' } | { kind: 'subscription'; id: string };

/**
 * The trigger of the Webhooks API that subscribes to an event: `payment.purchase` → `payment_triggers: ['PURCHASE']`,
 * `enrollment.unenroll` → `enrollment_triggers: ['UNENROLL']`.
 */
export function triggerOf(typeEvent: string): { field: string; trigger: string } | undefined {
  const [kind, name] = typeEvent.split('.');
  if (!kind || !name) return undefined;
  return { field: `${kind}_triggers`, trigger: name.toUpperCase() };
}

function subscribes(subscription: WebhookSubscriptionRecord, typeEvent: string): boolean {
  const trigger = triggerOf(typeEvent);
  if (!trigger || subscription.state !== 'ACTIVE') return false;
  return subscription.triggers[trigger.field]?.includes(trigger.trigger) ?? false;
}

/**
 * Sends Yuno's v2 webhooks: one envelope per event, with the fields of Yuno's published examples and no others (no
 * per-event id: Yuno's payment and enrollment examples carry none), signed when a secret is set, retried on the
 * sandbox clock until the receiver answers 2xx or seven deliveries were made. A retry sends the first delivery's
 * bytes, with only `retry` counting up as Yuno documents (0 on the first delivery, 6 on the last).
 *
 * Events go to the receiver of the sandbox's options and to every ACTIVE subscription of the Webhooks API whose
 * triggers name the event, each with its own `x-api-key`, `x-secret` and `x-hmac-signature` (from its
 * `hmac_client_secret`). A subscription that is deleted or made INACTIVE gets no further retries.
 */
export class WebhookDispatcher {
  readonly deliveries: SandboxWebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private cancels = new Set<() => void>();
  /** Bumped by `reset`, so attempts still under way from before it leave no trace. */
  private generation = 0;

  constructor(
    private readonly options: YunoSandboxOptions['webhooks'],
    private readonly clock: SandboxClock,
    private readonly accountId: string,
    private readonly subscriptions: () => Iterable<WebhookSubscriptionRecord> = () => [],
  ) {}

  private get hasOptionsReceiver(): boolean {
    return Boolean(this.options?.onDelivery || this.options?.url);
  }

  /** Whether anything receives webhooks; without a receiver no event is built at all. */
  get enabled(): boolean {
    if (this.hasOptionsReceiver) return true;
    for (const subscription of this.subscriptions()) if (subscription.state === 'ACTIVE') return true;
    return false;
  }

  emit(event: WebhookEvent): void {
    if (!this.enabled) return;
    // The event is serialised once, when it happens: its retries carry the same payload even if the resource changes.
    const serialised = { type: event.type, typeEvent: event.typeEvent, data: JSON.stringify(event.data) };
    const id = uuid();
    if (this.hasOptionsReceiver) this.attempt(serialised, id, 0, { kind: 'options' });
    for (const subscription of this.subscriptions()) {
      if (subscribes(subscription, event.typeEvent)) {
        this.attempt(serialised, id, 0, { kind: 'subscription', id: subscription.id });
      }
    }
  }

  private subscription(target: Target): WebhookSubscriptionRecord | undefined {
    if (target.kind !== 'subscription') return undefined;
    for (const subscription of this.subscriptions()) if (subscription.id === target.id) return subscription;
    return undefined;
  }

  /** Resolves when every attempt under way has finished, including attempts those attempts schedule at once. */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  reset(): void {
    this.generation += 1;
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
    this.deliveries.length = 0;
  }

  private attempt(event: SerialisedEvent, id: string, attempt: number, target: Target): void {
    // `deliver` records its own failures; nothing may escape as an unhandled rejection.
    const promise = this.deliver(event, id, attempt, target)
      .catch(() => undefined)
      .finally(() => this.inFlight.delete(promise));
    this.inFlight.add(promise);
  }

  private async deliver(event: SerialisedEvent, id: string, attempt: number, target: Target): Promise<void> {
    const generation = this.generation;
    const subscription = this.subscription(target);
    // A subscription deleted or switched off since the event happened receives nothing more.
    if (target.kind === 'subscription' && (!subscription || subscription.state !== 'ACTIVE')) return;
    // Key order as in Yuno's examples: type, type_event, account_id, retry, version, data.
    const body =
      `{"type":${JSON.stringify(event.type)},"type_event":${JSON.stringify(event.typeEvent)},` +
      `"account_id":${JSON.stringify(this.accountId)},"retry":${attempt},"version":2,"data":${event.data}}`;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'yuno-react-sandbox' };
    if (subscription) {
      if (subscription.apiKey) headers['x-api-key'] = subscription.apiKey;
      if (subscription.secret) headers['x-secret'] = subscription.secret;
      if (subscription.hmacClientSecret) {
        headers['x-hmac-signature'] = await hmacSha256Base64(subscription.hmacClientSecret, body);
      }
    } else if (this.options?.hmacSecret) {
      headers['x-hmac-signature'] = await hmacSha256Base64(this.options.hmacSecret, body);
    }

    const at = this.clock.now();
    let status: number | 'failed';
    try {
      status = subscription ? await this.post(subscription.url, headers, body) : await this.send(headers, body);
    } catch {
      status = 'failed';
    }
    if (generation !== this.generation) return;
    this.deliveries.push({
      id,
      event: event.typeEvent,
      attempt,
      at,
      status,
      headers,
      body,
      ...(subscription ? { webhookId: subscription.id } : {}),
    });

    const delivered = typeof status === 'number' && status >= 200 && status < 300;
    const delay = SANDBOX_WEBHOOK_RETRY_DELAYS_MS[attempt];
    if (delivered || delay === undefined) return;
    const cancel = this.clock.schedule(at + delay, () => {
      this.cancels.delete(cancel);
      this.attempt(event, id, attempt + 1, target);
    });
    this.cancels.add(cancel);
  }

  private async send(headers: Record<string, string>, body: string): Promise<number> {
    const onDelivery = this.options?.onDelivery;
    if (onDelivery) {
      const answer = await onDelivery({ headers: { ...headers }, body });
      return typeof answer === 'number' ? answer : 200;
    }
    return this.post(this.options?.url as string, headers, body);
  }

  private async post(url: string, headers: Record<string, string>, body: string): Promise<number> {
    const doFetch = this.options?.fetch ?? globalThis.fetch;
    const response = await doFetch(url, { method: 'POST', headers, body });
    // Yuno ignores the receiver's body; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  }
}
