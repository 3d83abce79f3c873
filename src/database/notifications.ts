import { Client, ClientConfig } from 'pg';

export interface NotificationHandlers {
  /** A notification on the channel arrived. */
  notified(payload: string | undefined): void;
  /** The listening connection was lost: notifications sent until it is back are never delivered. */
  lost(): void;
}

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * A PostgreSQL `LISTEN` on a connection of its own, kept open: after a failure it connects again
 * (backing off to 5 s). PostgreSQL keeps no notification for a listener that is away, so the caller
 * hears `lost()` and must not count on having heard everything since.
 */
export class NotificationListener {
  private client?: Client;
  private retryMs = RETRY_FIRST_MS;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly handlers: NotificationHandlers,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
  }

  /** Resolves once the first attempt to listen has succeeded or failed (and a retry is planned). */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client(this.config);
    this.client = client;
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      client.end().catch(() => undefined);
      if (this.client !== client || this.stopped) return;
      this.client = undefined;
      this.handlers.lost();
      this.retry = setTimeout(() => void this.connect(), this.retryMs);
      this.retry.unref(); // listening is never a reason to keep a process alive
      this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.handlers.notified(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      this.retryMs = RETRY_FIRST_MS;
    } catch {
      drop();
    }
  }
}
