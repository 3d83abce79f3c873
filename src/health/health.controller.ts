import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorator';
import { bearerSecret, VerifiedBearer } from '../auth/bearer';
import { TokenService } from '../auth/tokens/token.service';
import type { TallyConfig } from '../config/config';
import { TALLY_CONFIG } from '../config/config.module';
import { ProjectionsService } from '../projections/projections.service';
import type { ProjectionStatus } from '../projections/projection';
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

/** What an anonymous caller is told of a check that failed: that it failed, not the error's text. */
const UNAVAILABLE = 'unavailable';

@ApiTags('Health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly tokens: TokenService,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
  ) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  @ApiOperation({ operationId: 'getLiveness' })
  health() {
    return { status: 'ok' };
  }

  /**
   * Readiness: 200 only when the database and the event store answer and every projection serves —
   * not failed, and its oldest unapplied event no older than `READINESS_MAX_LAG_SECONDS`: a process
   * whose read models are that far behind answers its reads 503 (read-your-writes) or slowly, so the
   * balancer should send them elsewhere. It needs no token, so it names the projections that do not
   * serve and no more: their positions and lag are every namespace's traffic, and an error may
   * quote a tenant's data or the database's internals. A system token sees all of it.
   */
  @Get('readyz')
  @ApiOperation({ operationId: 'getReadiness' })
  @ApiOkResponse({ description: 'Ready', schema: READINESS })
  @ApiServiceUnavailableResponse({ description: 'Not ready: the checks say which part', schema: READINESS })
  async ready(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const operator = await this.isOperator(request);
    const database = await probe(() => this.db.query('SELECT 1'), operator);
    const eventStore = await probe(() => this.store.headPosition(), operator);
    let projections: Check;
    let details: unknown[] = [];
    try {
      const statuses = await withTimeout(this.projections.status(), 2_000);
      details = operator ? statuses : statuses.map(({ name, state }) => ({ name, state }));
      projections = this.serving(statuses);
    } catch (error) {
      projections = { status: 'down', reason: operator ? message(error) : UNAVAILABLE };
    }
    const checks = { database, eventStore, projections };
    const up = Object.values(checks).every((c) => c.status === 'up');
    reply.status(up ? 200 : 503).send({ status: up ? 'ready' : 'unavailable', checks, projections: details });
  }

  private serving(statuses: readonly ProjectionStatus[]): Check {
    const limit = this.config.readinessMaxLagSeconds;
    const failed = statuses.filter((s) => s.state === 'failed').map((s) => s.name);
    const behind = statuses
      .filter((s) => s.state !== 'failed' && s.lagSeconds !== null && s.lagSeconds > limit)
      .map((s) => s.name);
    const reasons = [
      ...(failed.length ? [`failed: ${failed.join(', ')}`] : []),
      ...(behind.length ? [`more than ${limit} s behind the log: ${behind.join(', ')}`] : []),
    ];
    return reasons.length ? { status: 'down', reason: reasons.join('; ') } : { status: 'up' };
  }

  /** Whether the caller shows a live system token (the rate limit has usually checked it already). */
  private async isOperator(request: FastifyRequest & { verifiedBearer?: VerifiedBearer }): Promise<boolean> {
    const secret = bearerSecret(request.headers.authorization);
    if (secret === undefined) return false;
    try {
      const checked = request.verifiedBearer;
      const token = checked?.secret === secret ? checked.token : await this.tokens.verify(secret);
      return token?.role === 'system';
    } catch {
      return false; // the database away: readiness says so, to everyone alike
    }
  }
}

async function probe(check: () => Promise<unknown>, operator: boolean): Promise<Check> {
  try {
    await withTimeout(check(), 2_000);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', reason: operator ? message(error) : UNAVAILABLE };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (
        clearTimeout(timer),
        reject(error instanceof Error ? error : new Error(String(error)))
      ),
    );
  });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
