import { connect, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { percentile } from './stats';

/**
 * A closed-loop HTTP/1.1 load: each keep-alive connection sends its next request as soon as the last
 * one is answered, until the time is up or there is nothing more to send.
 *
 * It replaces autocannon because the load generator shares the machine's two cores with what it
 * measures: autocannon spent 38–64 µs of CPU per request (with a body made per request), this spends
 * about 24, so at 10,000 requests/s it leaves Tally a fifth of a core more. Tally and the bare Fastify
 * route are driven by the same generator, so their ratio is unaffected.
 */
export interface HttpLoadOptions {
  /** `http://host:port/path`. */
  readonly url: string;
  readonly method?: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body of each request, made (or taken) when it is sent; undefined when there is no more to send. */
  readonly body: () => string | Buffer | undefined;
  readonly connections: number;
  /** How long to send for; without it, until `body` has no more. */
  readonly seconds?: number;
  /** Called with each answer's status and the body of its request. */
  readonly onAnswer?: (status: number, body: string | Buffer) => void;
  /** A request not answered within this counts as failed, and its connection is opened again. */
  readonly timeoutMs?: number;
}

export interface HttpLoadResult {
  /** From the first request until the last answer. */
  readonly seconds: number;
  readonly sent: number;
  /** Answers with a 2xx status. */
  readonly ok: number;
  readonly non2xx: number;
  /**
   * Requests that got no answer (connection errors, closes, time-outs, answers that were not HTTP),
   * and connections that could not be opened.
   */
  readonly errors: number;
  /** Over every answered request, in milliseconds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The first failure, to say what went wrong. */
  readonly firstFailure?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const RECONNECT_PAUSE_MS = 10;

export function httpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  return new Load(options).run();
}

class Load {
  private readonly host: string;
  private readonly port: number;
  private readonly head: string;
  private readonly timeoutMs: number;
  private readonly latencies: number[] = [];
  private sent = 0;
  private ok = 0;
  private non2xx = 0;
  private errors = 0;
  private firstFailure?: string;
  private startedAt = 0;
  private endsAt = 0;
  private open = 0;
  private done!: () => void;

  constructor(private readonly options: HttpLoadOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'http:') throw new Error(`httpLoad speaks plain HTTP only (got ${url.protocol})`);
    this.host = url.hostname;
    this.port = Number(url.port || 80);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const headers = Object.entries(options.headers).map(([name, value]) => `${name}: ${value}\r\n`);
    this.head = `${options.method ?? 'POST'} ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n${headers.join('')}`;
  }

  async run(): Promise<HttpLoadResult> {
    const finished = new Promise<void>((resolve) => (this.done = resolve));
    this.startedAt = performance.now();
    this.endsAt = this.startedAt + (this.options.seconds ?? Infinity) * 1000;
    const connections = Array.from({ length: this.options.connections }, () => new Connection(this));
    this.open = connections.length;
    for (const connection of connections) connection.start();
    // One sweep for all connections rather than a timer per request, which would cost as much as
    // the rest of a request's bookkeeping.
    const sweep = setInterval(
      () => {
        const now = performance.now();
        for (const connection of connections) connection.timeOutIfBefore(now - this.timeoutMs);
      },
      Math.min(100, this.timeoutMs),
    );
    await finished;
    clearInterval(sweep);
    const seconds = (performance.now() - this.startedAt) / 1000;
    const answered = this.latencies.length > 0;
    return {
      seconds,
      sent: this.sent,
      ok: this.ok,
      non2xx: this.non2xx,
      errors: this.errors,
      p50Ms: answered ? percentile(this.latencies, 50) : NaN,
      p99Ms: answered ? percentile(this.latencies, 99) : NaN,
      ...(this.firstFailure === undefined ? {} : { firstFailure: this.firstFailure }),
    };
  }

  get timeIsUp(): boolean {
    return performance.now() >= this.endsAt;
  }

  connect(): Socket {
    const socket = connect(this.port, this.host);
    socket.setNoDelay(true);
    return socket;
  }

  /** Writes the next request to `socket`; returns its body, or undefined when there is none. */
  sendOn(socket: Socket): string | Buffer | undefined {
    const body = this.options.body();
    if (body === undefined) return undefined;
    this.sent += 1;
    const head = `${this.head}content-length: ${Buffer.byteLength(body)}\r\n\r\n`;
    if (typeof body === 'string') {
      socket.write(head + body);
    } else {
      // One writev for both, as one write of a string would be.
      socket.cork();
      socket.write(head, 'latin1');
      socket.write(body);
      socket.uncork();
    }
    return body;
  }

  answered(status: number, sentAt: number, body: string | Buffer): void {
    this.latencies.push(performance.now() - sentAt);
    this.options.onAnswer?.(status, body);
    if (status >= 200 && status < 300) this.ok += 1;
    else {
      this.non2xx += 1;
      this.firstFailure ??= `HTTP ${status}`;
    }
  }

  failed(reason: string): void {
    this.errors += 1;
    this.firstFailure ??= reason;
  }

  closed(): void {
    this.open -= 1;
    if (this.open === 0) this.done();
  }
}

/** One keep-alive connection, one request in flight at a time. */
class Connection {
  private socket?: Socket;
  private connected = false;
  private connectingSince = 0;
  private reader = new AnswerReader();
  /** When the request in flight was sent; undefined when none is. */
  private sentAt?: number;
  private sentBody: string | Buffer = '';

  constructor(private readonly load: Load) {}

  start(): void {
    if (this.load.timeIsUp) {
      this.load.closed();
      return;
    }
    const socket = this.load.connect();
    this.socket = socket;
    this.connected = false;
    this.connectingSince = performance.now();
    this.reader = new AnswerReader();
    socket.on('connect', () => {
      this.connected = true;
      this.send();
    });
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.lost(socket, error.message));
    socket.on('end', () => this.lost(socket, 'the server closed the connection'));
  }

  /** Gives up on a request sent, or a connection begun, before `limit`. */
  timeOutIfBefore(limit: number): void {
    if (!this.socket) return;
    if (this.sentAt !== undefined && this.sentAt < limit) {
      this.lost(this.socket, `no answer within ${Math.round(performance.now() - this.sentAt)} ms`);
    } else if (!this.connected && this.connectingSince < limit) {
      this.lost(this.socket, 'timed out');
    }
  }

  private send(): void {
    if (this.load.timeIsUp) {
      this.finish();
      return;
    }
    this.sentAt = performance.now();
    const body = this.load.sendOn(this.socket!);
    if (body === undefined) {
      this.sentAt = undefined;
      this.finish();
      return;
    }
    this.sentBody = body;
  }

  private receive(chunk: Buffer): void {
    let answer: Answer | undefined;
    try {
      answer = this.reader.read(chunk);
    } catch (error) {
      this.lost(this.socket!, (error as Error).message);
      return;
    }
    if (answer === undefined) return;
    if (this.sentAt === undefined || this.reader.pending) {
      this.lost(this.socket!, 'an answer came without a request');
      return;
    }
    this.load.answered(answer.status, this.sentAt, this.sentBody);
    this.sentAt = undefined;
    if (answer.close) {
      this.drop();
      this.start();
    } else {
      this.send();
    }
  }

  /**
   * The connection failed or closed: a request in flight is lost, and so is a connection that never
   * opened; a new connection carries on, after a pause if anything failed.
   */
  private lost(socket: Socket, reason: string): void {
    if (socket !== this.socket) return; // already replaced
    const inFlight = this.sentAt !== undefined;
    const failed = inFlight || !this.connected;
    this.sentAt = undefined;
    this.drop();
    if (inFlight) this.load.failed(reason);
    else if (!this.connected) this.load.failed(`could not connect: ${reason}`);
    setTimeout(() => this.start(), failed ? RECONNECT_PAUSE_MS : 0);
  }

  private finish(): void {
    this.drop();
    this.load.closed();
  }

  private drop(): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.removeAllListeners();
    socket?.on('error', () => undefined);
    socket?.destroy();
  }
}

export interface Answer {
  readonly status: number;
  /** The server will close the connection after this answer. */
  readonly close: boolean;
}

const HEADERS_END = Buffer.from('\r\n\r\n');
const LINE_END = Buffer.from('\r\n');

/**
 * Reads HTTP/1.1 answers from a connection's bytes: the status line and headers, then the body framed
 * by the status (204, 304: none), `Transfer-Encoding: chunked`, or `Content-Length`. Interim (1xx)
 * answers are passed over. An answer framed by the connection's close is refused: no server this
 * drives sends one.
 */
export class AnswerReader {
  private buffered: Buffer = Buffer.alloc(0);

  /** Bytes received after the last answer read. */
  get pending(): boolean {
    return this.buffered.length > 0;
  }

  /** Adds bytes; returns the answer they complete, if any (one at a time: one request is in flight). */
  read(chunk: Buffer): Answer | undefined {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const headEnd = this.buffered.indexOf(HEADERS_END);
      if (headEnd < 0) return undefined;
      const head = this.buffered.toString('latin1', 0, headEnd);
      const status = statusOf(head);
      const headers = headersOf(head);
      const end = this.bodyEnd(status, headers, headEnd + HEADERS_END.length);
      if (end === undefined) return undefined;
      this.buffered = this.buffered.subarray(end);
      if (status >= 200) {
        return { status, close: /(^|,)\s*close\s*(,|$)/i.test(headers.get('connection') ?? '') };
      }
    }
  }

  /** Where the answer's body ends, or undefined while it has not all arrived. */
  private bodyEnd(status: number, headers: Map<string, string>, start: number): number | undefined {
    if (status < 200 || status === 204 || status === 304) return start;
    const encoding = headers.get('transfer-encoding');
    if (encoding !== undefined) {
      if (!/(^|,)\s*chunked\s*$/i.test(encoding))
        throw new Error(`unreadable transfer-encoding: ${encoding}`);
      return this.chunksEnd(start);
    }
    const length = headers.get('content-length');
    if (length === undefined) throw new Error(`HTTP ${status} without Content-Length or chunked encoding`);
    if (!/^\d+$/.test(length)) throw new Error(`bad Content-Length: ${length}`);
    const end = start + Number(length);
    return end <= this.buffered.length ? end : undefined;
  }

  private chunksEnd(start: number): number | undefined {
    let at = start;
    for (;;) {
      const lineEnd = this.buffered.indexOf(LINE_END, at);
      if (lineEnd < 0) return undefined;
      const sizeText = this.buffered.toString('latin1', at, lineEnd).split(';')[0].trim();
      if (!/^[0-9a-f]+$/i.test(sizeText)) throw new Error(`bad chunk size: ${sizeText}`);
      const size = parseInt(sizeText, 16);
      if (size === 0) {
        // The last chunk, then trailers (none, usually) up to an empty line.
        const rest = lineEnd + LINE_END.length;
        if (this.buffered.length < rest + LINE_END.length) return undefined;
        if (this.buffered.subarray(rest, rest + LINE_END.length).equals(LINE_END))
          return rest + LINE_END.length;
        const trailersEnd = this.buffered.indexOf(HEADERS_END, rest);
        return trailersEnd < 0 ? undefined : trailersEnd + HEADERS_END.length;
      }
      at = lineEnd + LINE_END.length + size + LINE_END.length;
      if (at > this.buffered.length) return undefined;
    }
  }
}

function statusOf(head: string): number {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  if (!match) throw new Error(`not an HTTP/1.x answer: ${JSON.stringify(head.slice(0, 40))}`);
  return Number(match[1]);
}

function headersOf(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}
