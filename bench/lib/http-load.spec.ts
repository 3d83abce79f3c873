import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AnswerReader, httpLoad } from './http-load';

/** A real HTTP server that answers each request as `answer` says, and records what it received. */
async function serve(
  answer: (n: number, request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ url: string; bodies: string[]; server: Server }> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (part: string) => (body += part));
    request.on('end', () => {
      bodies.push(body);
      answer(bodies.length, request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/v1/events`, bodies, server };
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('httpLoad', () => {
  it('counts every answer by its status, however it is framed, and sends each body once', async () => {
    const { url, bodies, server } = await serve((n, _request, response) => {
      switch (n % 5) {
        case 0:
          response.writeHead(204).end();
          break;
        case 1: // chunked: no Content-Length, two writes
          response.writeHead(200, { 'content-type': 'application/json' });
          response.write('{"a":');
          response.end('1}');
          break;
        case 2:
          response.writeHead(500, { 'content-type': 'application/problem+json' });
          response.end(JSON.stringify({ title: 'boom', detail: 'x'.repeat(3000) }));
          break;
        case 3: // headers now, the body a moment later
          response.writeHead(202, { 'content-length': '5' });
          response.flushHeaders();
          setTimeout(() => response.end('hello'), 2);
          break;
        case 4:
          response.writeHead(200, { connection: 'close', 'content-length': '2' }).end('ok');
          break;
      }
    });
    try {
      let next = 0;
      const result = await httpLoad({
        url,
        headers: { 'content-type': 'application/json' },
        body: () => JSON.stringify({ n: next++ }),
        connections: 4,
        seconds: 0.5,
      });
      const failed = Math.floor((bodies.length + 3) / 5); // the answers numbered 2, 7, 12, …
      expect(result.errors).toBe(0);
      expect(result.sent).toBe(bodies.length);
      expect(result.non2xx).toBe(failed);
      expect(result.ok).toBe(bodies.length - failed);
      expect(result.firstFailure).toBe('HTTP 500');
      expect(new Set(bodies).size).toBe(bodies.length);
      expect(bodies.length).toBeGreaterThan(20);
      expect(result.p50Ms).toBeGreaterThan(0);
      expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
    } finally {
      await close(server);
    }
  });

  it('sends a list of bodies once each, Buffers as well as strings, and ends when all are answered', async () => {
    const { url, bodies, server } = await serve((_n, _request, response) => response.writeHead(204).end());
    try {
      const list: (string | Buffer)[] = Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0 ? Buffer.from(`{"n":${i},"ü":"ü"}`) : `{"n":${i}}`,
      );
      let next = 0;
      const answered: (string | Buffer)[] = [];
      const result = await httpLoad({
        url,
        headers: {},
        body: () => list[next++],
        connections: 3,
        onAnswer: (status, body) => {
          expect(status).toBe(204);
          answered.push(body);
        },
      });
      expect(result).toMatchObject({ sent: 50, ok: 50, non2xx: 0, errors: 0 });
      expect(new Set(answered)).toEqual(new Set(list));
      expect([...bodies].sort()).toEqual(list.map(String).sort());
    } finally {
      await close(server);
    }
  });

  it('counts a request left unanswered as an error and carries on with a new connection', async () => {
    const { url, bodies, server } = await serve((n, _request, response) => {
      if (n === 3) return; // never answered
      response.writeHead(204).end();
    });
    try {
      const result = await httpLoad({
        url,
        headers: {},
        body: () => '{}',
        connections: 2,
        seconds: 0.6,
        timeoutMs: 200,
      });
      expect(result.errors).toBe(1);
      expect(result.firstFailure).toMatch(/^no answer within \d+ ms$/);
      expect(result.ok).toBe(bodies.length - 1);
      expect(result.sent).toBe(bodies.length);
    } finally {
      await close(server);
    }
  });

  it('counts connections to a server that is not there as errors, retrying at a pace, and still ends', async () => {
    const { url, server } = await serve(() => undefined);
    await close(server);
    const result = await httpLoad({ url, headers: {}, body: () => '{}', connections: 2, seconds: 0.2 });
    expect(result.sent).toBe(0);
    expect(result.errors).toBeGreaterThanOrEqual(2);
    expect(result.errors).toBeLessThan(100); // one attempt per connection every 10 ms or so, not a spin
    expect(result.firstFailure).toMatch(/^could not connect: .*ECONNREFUSED/);
    expect(result.seconds).toBeLessThan(1);
  });
});

describe('AnswerReader', () => {
  const bytes = (text: string) => Buffer.from(text, 'latin1');

  it('reads an answer arriving byte by byte', () => {
    const reader = new AnswerReader();
    const text = 'HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nabc';
    const answers = [...text].map((char) => reader.read(bytes(char)));
    expect(answers.slice(0, -1).every((a) => a === undefined)).toBe(true);
    expect(answers.at(-1)).toEqual({ status: 201, close: false });
    expect(reader.pending).toBe(false);
  });

  it('reads chunked bodies with extensions and trailers to their very end', () => {
    const reader = new AnswerReader();
    const answer = reader.read(
      bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nX-T: 1\r\n\r\n'),
    );
    expect(answer).toEqual({ status: 200, close: false });
    expect(reader.pending).toBe(false);
    expect(reader.read(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n'))).toBe(undefined);
    expect(reader.read(bytes('0123456789abcdef\r\n0\r\n\r\n'))).toEqual({ status: 200, close: false });
  });

  it('passes over interim answers to the final one', () => {
    const reader = new AnswerReader();
    expect(reader.read(bytes('HTTP/1.1 100 Continue\r\n\r\n'))).toBe(undefined);
    expect(reader.read(bytes('HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n'))).toEqual({
      status: 202,
      close: false,
    });
  });

  it('says when the server will close, and refuses what it cannot frame', () => {
    expect(new AnswerReader().read(bytes('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n'))).toEqual({
      status: 204,
      close: true,
    });
    expect(() => new AnswerReader().read(bytes('HTTP/1.1 200 OK\r\n\r\nbody'))).toThrow(
      'HTTP 200 without Content-Length or chunked encoding',
    );
    expect(() => new AnswerReader().read(bytes('SSH-2.0-OpenSSH\r\n\r\n'))).toThrow('not an HTTP/1.x answer');
  });
});
