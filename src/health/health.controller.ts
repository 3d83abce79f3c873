import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorator';
import { ProjectionsService } from '../projections/projections.service';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';

type Check = { status: 'up' } | { status: 'down'; reason: string };

/** Written by hand: the answer is sent through the reply, with the status the checks decide. */
const READINESS = {
  type: 'object',
  required: ['status', 'checks', 'projections'],
  properties: {
    status: { type: 'string', enum: ['ready', 'unavailable'] },
    checks: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'string', enum: ['up', 'down'] }, reason: { type: 'string' } },
      },
    },
    projections: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, state: { type: 'string' } } },
    },
  },
};

@ApiTags('Health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
  ) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  @ApiOperation({ operationId: 'getLiveness' })
  health() {
    return { status: 'ok' };
  }

  /**
   * Readiness: 200 only when the database, the event store and every projection can serve. It needs
   * no token, so it names the projections that do not serve and no more: their positions and lag are
   * every namespace's traffic, and an error may quote a tenant's data — the system role reads those
   * at /api/v1/admin/projections.
   */
  @Get('readyz')
  @ApiOperation({ operationId: 'getReadiness' })
  @ApiOkResponse({ description: 'Ready', schema: READINESS })
  @ApiServiceUnavailableResponse({ description: 'Not ready: the checks say which part', schema: READINESS })
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const database = await probe(() => this.db.query('SELECT 1'));
    const eventStore = await probe(() => this.store.headPosition());
    let projections: Check;
    let details: unknown[] = [];
    try {
      const statuses = await withTimeout(this.projections.status(), 2_000);
      details = statuses.map(({ name, state }) => ({ name, state }));
      const failed = statuses.filter((s) => s.state === 'failed');
      projections = failed.length
        ? { status: 'down', reason: `failed: ${failed.map((s) => s.name).join(', ')}` }
        : { status: 'up' };
    } catch (error) {
      projections = { status: 'down', reason: message(error) };
    }
    const checks = { database, eventStore, projections };
    const up = Object.values(checks).every((c) => c.status === 'up');
    reply.status(up ? 200 : 503).send({ status: up ? 'ready' : 'unavailable', checks, projections: details });
  }
}

async function probe(check: () => Promise<unknown>): Promise<Check> {
  try {
    await withTimeout(check(), 2_000);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', reason: message(error) };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
