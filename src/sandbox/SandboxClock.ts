interface ScheduledTask {
  id: number;
  due: number;
  run: () => void;
}

/**
 * The sandbox's time: it runs with real time from its start and jumps forward with `advance`. Work scheduled on it
 * (expiries, webhook retries) runs when it falls due, whichever moves the clock there: `advance`, a request that
 * finds it overdue, or a real timer for a sandbox left running (a dev server).
 */
export class SandboxClock {
  private base: number;
  private realStart: number;
  private offset = 0;
  private tasks: ScheduledTask[] = [];
  private nextId = 1;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly start: number | undefined) {
    this.base = start ?? Date.now();
    this.realStart = Date.now();
  }

  now(): number {
    return this.base + (Date.now() - this.realStart) + this.offset;
  }

  /** Schedules `run` at sandbox time `due`; returns a canceller. `run` must not throw. */
  schedule(due: number, run: () => void): () => void {
    const task: ScheduledTask = { id: this.nextId++, due, run };
    this.tasks.push(task);
    this.arm();
    return () => {
      this.tasks = this.tasks.filter((t) => t !== task);
      this.arm();
    };
  }

  /** Runs every task already due, earliest first. */
  runDue(): void {
    for (let task = this.nextDue(this.now()); task; task = this.nextDue(this.now())) this.take(task).run();
    this.arm();
  }

  /**
   * Moves the clock `ms` forward, stopping at each task that falls due on the way so that it runs at its own time;
   * `settle` is awaited after each task (webhook attempts finish before a retry they schedule is looked for).
   */
  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceTime needs a finite, non-negative number of ms');
    const target = this.now() + ms;
    for (let task = this.nextDue(target); task; task = this.nextDue(target)) {
      this.moveTo(task.due);
      this.take(task).run();
      await settle();
    }
    this.moveTo(target);
    this.arm();
  }

  /** Forgets scheduled work and starts the clock again. */
  reset(): void {
    this.tasks = [];
    this.offset = 0;
    this.base = this.start ?? Date.now();
    this.realStart = Date.now();
    this.arm();
  }

  private moveTo(time: number): void {
    const now = this.now();
    if (time > now) this.offset += time - now;
  }

  private nextDue(limit: number): ScheduledTask | undefined {
    let next: ScheduledTask | undefined;
    for (const task of this.tasks) {
      if (task.due <= limit && (!next || task.due < next.due || (task.due === next.due && task.id < next.id)))
        next = task;
    }
    return next;
  }

  private take(task: ScheduledTask): ScheduledTask {
    this.tasks = this.tasks.filter((t) => t !== task);
    return task;
  }

  /** A real timer for the earliest task, so a long-running sandbox does its work without anyone calling in. */
  private arm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    let earliest = Number.POSITIVE_INFINITY;
    for (const task of this.tasks) earliest = Math.min(earliest, task.due);
    if (earliest === Number.POSITIVE_INFINITY) return;
    // setTimeout overflows past 2^31-1 ms; waking early only re-arms.
    const delay = Math.min(Math.max(0, earliest - this.now()), 2_147_483_647);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runDue();
    }, delay);
    // In Node an idle sandbox must not keep the process alive; browsers return a number without `unref`.
    const handle = this.timer as unknown as { unref?: () => void };
    handle.unref?.();
  }
}
