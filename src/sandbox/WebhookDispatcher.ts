import { SANDBOX_WEBHOOK_RETRY_DELAYS_MS } from './constants';
import { hmacSha256Base64 } from './hmac';
import { uuid } from './ids';
import type { SandboxClock } from './SandboxClock';
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

/**
 * Sends Yuno's v2 webhooks: one envelope per event, with the fields of Yuno's published examples and no others (no
 * per-event id: Yuno's payment and enrollment examples carry none), signed when a secret is set, retried on the
 * sandbox clock until the receiver answers 2xx or seven deliveries were made. A retry sends the first delivery's
 * bytes, with only `retry` counting up as Yuno documents (0 on the first delivery, 6 on the last).
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
  ) {}

  /** Whether anything receives webhooks; without a receiver no event is built at all. */
  get enabled(): boolean {
    return Boolean(this.options?.onDelivery || this.options?.url);
  }

  emit(event: WebhookEvent): void {
    if (!this.enabled) return;
    // The event is serialised once, when it happens: its retries carry the same payload even if the resource changes.
    const data = JSON.stringify(event.data);
    this.attempt({ type: event.type, typeEvent: event.typeEvent, data }, uuid(), 0);
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

  private attempt(event: SerialisedEvent, id: string, attempt: number): void {
    // `deliver` records its own failures; nothing may escape as an unhandled rejection.
    const promise = this.deliver(event, id, attempt)
      .catch(() => undefined)
      .finally(() => this.inFlight.delete(promise));
    this.inFlight.add(promise);
  }

  private async deliver(event: SerialisedEvent, id: string, attempt: number): Promise<void> {
    const generation = this.generation;
    // Key order as in Yuno's examples: type, type_event, account_id, retry, version, data.
    const body =
      `{"type":${JSON.stringify(event.type)},"type_event":${JSON.stringify(event.typeEvent)},` +
      `"account_id":${JSON.stringify(this.accountId)},"retry":${attempt},"version":2,"data":${event.data}}`;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'yuno-react-sandbox' };
    if (this.options?.hmacSecret) headers['x-hmac-signature'] = await hmacSha256Base64(this.options.hmacSecret, body);

    const at = this.clock.now();
    let status: number | 'failed';
    try {
      status = await this.send(headers, body);
    } catch {
      status = 'failed';
    }
    if (generation !== this.generation) return;
    this.deliveries.push({ id, event: event.typeEvent, attempt, at, status, headers, body });

    const delivered = typeof status === 'number' && status >= 200 && status < 300;
    const delay = SANDBOX_WEBHOOK_RETRY_DELAYS_MS[attempt];
    if (delivered || delay === undefined) return;
    const cancel = this.clock.schedule(at + delay, () => {
      this.cancels.delete(cancel);
      this.attempt(event, id, attempt + 1);
    });
    this.cancels.add(cancel);
  }

  private async send(headers: Record<string, string>, body: string): Promise<number> {
    const onDelivery = this.options?.onDelivery;
    if (onDelivery) {
      const answer = await onDelivery({ headers: { ...headers }, body });
      return typeof answer === 'number' ? answer : 200;
    }
    const doFetch = this.options?.fetch ?? globalThis.fetch;
    const response = await doFetch(this.options?.url as string, { method: 'POST', headers, body });
    // Yuno ignores the receiver's body; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  }
}
