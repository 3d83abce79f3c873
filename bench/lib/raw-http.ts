import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startChild, stopChild } from './processes';

/** `bench/raw-http-host.ts` running in a process of its own: a bare Fastify route, the single-request limit. */
export class RawHttpServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<RawHttpServer> {
    const child = startChild(join(__dirname, '..', 'raw-http-host.js'), [], { ...process.env }, true);
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.once('message', (message) => resolve((message as { port: number }).port));
        child.once('exit', (code) =>
          reject(new Error(`the raw HTTP server exited (${code}) before it listened`)),
        );
      });
      return new RawHttpServer(child, `http://127.0.0.1:${port}`);
    } catch (error) {
      await stopChild(child);
      throw error;
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}
