export interface GroupCommitOptions {
  /** Commits running at once; while all are busy, new items gather into the next group. */
  readonly maxInFlight: number;
  readonly maxGroupSize: number;
  /** Told of each commit as it starts: how many items, and how long its first item waited (metrics). */
  readonly onCommit?: (items: number, waitedMs: number) => void;
}

interface Group<Item> {
  readonly key: string;
  readonly items: Item[];
  readonly waiters: { resolve(): void; reject(error: unknown): void }[];
  readonly openedAt: number;
}

/**
 * Group commit: items submitted together (same key) share one commit, and each submitter's promise
 * settles only when that commit has settled — resolved after it is durable, rejected with its error
 * if it failed. There is no timer: a group is committed as soon as a commit slot is free (after the
 * current tick, so that items arriving together share it), and while every slot is busy the next
 * group keeps growing. Light load therefore costs no latency, and heavy load makes groups large.
 */
export class GroupCommit<Item> {
  /** Groups waiting for a commit slot, oldest first; the newest of a key still takes items. */
  private readonly queue: Group<Item>[] = [];
  private readonly open = new Map<string, Group<Item>>();
  private inFlight = 0;
  private pumpScheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly commit: (key: string, items: readonly Item[]) => Promise<void>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(key: string, item: Item): Promise<void> {
    const group = this.openGroup(key);
    group.items.push(item);
    const settled = new Promise<void>((resolve, reject) => group.waiters.push({ resolve, reject }));
    this.schedulePump();
    return settled;
  }

  private openGroup(key: string): Group<Item> {
    const current = this.open.get(key);
    if (current && current.items.length < this.options.maxGroupSize) return current;
    const group: Group<Item> = { key, items: [], waiters: [], openedAt: performance.now() };
    this.open.set(key, group);
    this.queue.push(group);
    return group;
  }

  /** Resolves once nothing is queued or being committed (for a clean shutdown). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const group = this.queue.shift()!;
      if (this.open.get(group.key) === group) this.open.delete(group.key);
      this.inFlight += 1;
      this.options.onCommit?.(group.items.length, performance.now() - group.openedAt);
      void this.run(group);
    }
    if (this.isIdle()) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  private async run(group: Group<Item>): Promise<void> {
    try {
      await this.commit(group.key, group.items);
      for (const waiter of group.waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of group.waiters) waiter.reject(error);
    } finally {
      this.inFlight -= 1;
      this.pump();
    }
  }

  private isIdle(): boolean {
    return this.inFlight === 0 && this.queue.length === 0;
  }
}
