import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Api } from './api';
import { peakRssMb, startChild, stopChild, tallyEnv, waitUntilReady } from './processes';

/**
 * The real service, as `npm start` runs it (`main.js`, from the benchmark's own build of the same
 * sources, so a `npm run build` elsewhere cannot pull it away mid-run), in a process of its own so
 * the load generator does not share its event loop and its memory can be read. Projections do not
 * run in it: a separate worker (below) applies them when the benchmark says, as `npm run worker` would.
 */
export class TallyServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly api: Api,
    readonly adminToken: string,
  ) {}

  static async start(databaseUrl: string, adminToken: string): Promise<TallyServer> {
    const port = await freePort();
    const child = startChild(
      join(__dirname, '..', '..', 'src', 'main.js'),
      [],
      tallyEnv({ databaseUrl, adminToken, port, runProjections: false }),
    );
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      await waitUntilReady(child, `${baseUrl}/healthz`);
    } catch (error) {
      await stopChild(child);
      throw error;
    }
    return new TallyServer(child, new Api(baseUrl, adminToken), adminToken);
  }

  get baseUrl(): string {
    return this.api.baseUrl;
  }

  /** A token of a role, as a client of that kind would hold. */
  async token(role: 'ingest' | 'read'): Promise<string> {
    const created = await this.api.ok<{ secret: string }>('POST', '/api/v1/tokens', {
      body: { name: `bench ${role}`, role },
    });
    return created.secret;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  peakRssMb(): number | undefined {
    return peakRssMb(this.child.pid);
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

/** What the benchmark tells the projection worker (`bench/projection-host.ts`), and what it answers. */
export type HostCommand = { readonly id: number; readonly command: 'drain' | 'replay' };
export type HostMessage =
  | { readonly type: 'ready'; readonly projections: readonly string[] }
  | { readonly type: 'done'; readonly id: number; readonly ms: number }
  | { readonly type: 'failed'; readonly id: number; readonly error: string };

/** A projection worker that applies the backlog only when asked, and says how long that took. */
export class ProjectionWorker {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (ms: number) => void; reject: (error: Error) => void }
  >();

  private constructor(
    private readonly child: ChildProcess,
    readonly projections: readonly string[],
  ) {
    child.on('message', (message: HostMessage) => {
      if (message.type === 'ready') return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'done') waiter?.resolve(message.ms);
      else waiter?.reject(new Error(`projection worker: ${message.error}`));
    });
    child.once('exit', (code, signal) => {
      for (const waiter of this.pending.values())
        waiter.reject(new Error(`projection worker exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  static async start(databaseUrl: string, adminToken: string): Promise<ProjectionWorker> {
    const env = tallyEnv({ databaseUrl, adminToken, port: 0, runProjections: false });
    const child = startChild(join(__dirname, '..', 'projection-host.js'), [], env, true);
    const projections = await new Promise<readonly string[]>((resolve, reject) => {
      child.once('message', (message: HostMessage) =>
        message.type === 'ready'
          ? resolve(message.projections)
          : reject(new Error('projection worker did not start')),
      );
      child.once('exit', (code) =>
        reject(new Error(`projection worker exited (${code}) before it was ready`)),
      );
    });
    return new ProjectionWorker(child, projections);
  }

  /** Applies everything in the log the projections have not applied yet; the time it took, in ms. */
  drain(): Promise<number> {
    return this.send('drain');
  }

  /** Rebuilds every projection from the start of the log; the time it took, in ms. */
  replay(): Promise<number> {
    return this.send('replay');
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  peakRssMb(): number | undefined {
    return peakRssMb(this.child.pid);
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }

  private send(command: HostCommand['command']): Promise<number> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, command } satisfies HostCommand);
    });
  }
}

export function newAdminToken(): string {
  return `tally_bench_${randomBytes(16).toString('hex')}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}
