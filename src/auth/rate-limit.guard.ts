import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerModuleOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { TallyConfig } from '../config/config';
import { TokenService } from './tokens/token.service';

type RateClass = { readonly kind: 'token' | 'anonymous'; readonly key: string };
type RatedRequest = { rateClass?: RateClass; headers: Record<string, string | string[] | undefined>; ip: string };

const WINDOW_MS = 1000;

/**
 * Two limits, per second: one per valid token, one per client address for everything else — so
 * guessing tokens is limited too. It runs before authentication and reuses its (cached) check.
 */
export function rateLimits(config: TallyConfig): ThrottlerModuleOptions {
  const skipUnless = (kind: RateClass['kind'], limit: number) => (context: ExecutionContext) =>
    limit === 0 || context.switchToHttp().getRequest<RatedRequest>().rateClass?.kind !== kind;
  return {
    throttlers: [
      { name: 'token', ttl: WINDOW_MS, limit: config.rateLimitPerToken || 1, skipIf: skipUnless('token', config.rateLimitPerToken) },
      { name: 'anonymous', ttl: WINDOW_MS, limit: config.rateLimitAnonPerIp || 1, skipIf: skipUnless('anonymous', config.rateLimitAnonPerIp) },
    ],
    getTracker: (request) => (request as RatedRequest).rateClass?.key ?? `ip:${(request as RatedRequest).ip}`,
  };
}

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly tokens: TokenService,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RatedRequest>();
    request.rateClass = await this.classify(request);
    return super.canActivate(context);
  }

  private async classify(request: RatedRequest): Promise<RateClass> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S{1,512})\s*$/i.exec(header) : null;
    const token = match ? await this.tokens.verify(match[1]) : undefined;
    return token ? { kind: 'token', key: `token:${token.id}` } : { kind: 'anonymous', key: `ip:${request.ip}` };
  }
}
