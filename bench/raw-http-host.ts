import Fastify from 'fastify';

/**
 * The raw limit of single-event ingestion on this machine: a bare Fastify server (as Tally uses, in a
 * process of its own) that parses each CloudEvent's JSON and answers 204, storing nothing. Tally's
 * single-event rate is quoted against it, measured with the same load generator in the same run.
 */
async function main(): Promise<void> {
  const server = Fastify({ logger: false });
  server.addContentTypeParser(
    ['application/json', 'application/cloudevents+json'],
    { parseAs: 'string' },
    server.getDefaultJsonParser('error', 'error'),
  );
  server.get('/healthz', async () => ({ status: 'ok' }));
  server.post('/api/v1/events', async (request, reply) => {
    if (typeof request.body !== 'object' || request.body === null) return reply.code(400).send();
    return reply.code(204).send();
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
  process.once('disconnect', () => process.exit(0));
}

void main();
