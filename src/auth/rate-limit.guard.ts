import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { TallyConfig } from '../config/config';
import { TALLY_CONFIG } from '../config/config.module';
import { bearerSecret, VerifiedBearer } from './bearer';
import { TokenService } from './tokens/token.service';

type RatedRequest = {
  headers: Record<string, string | string[] | undefined>;
  ip: string;
  verifiedBearer?: VerifiedBearer;
};

const WINDOW_MS = 1000;
/** Windows of clients gone quiet are dropped once this many are kept, so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

/** How many requests a key made in the current one-second window. */
interface Window {
  start: number;
  count: number;
}

/**
 * Two limits, per second: one per valid token, one per client address for everything else — so
 * guessing tokens is limited too. It runs before authentication and hands its (cached) token check
 * on to it. A fixed one-second window per key: one map lookup and no allocation per request, since
 * it runs on every request at ingestion rates. Not @nestjs/throttler: its guard counts per route
 * and address unless its tracker is overridden (to verify the token, as here), and hashes a key and
 * awaits its storage on every request; what it would add, a storage shared between processes, needs
 * a store such as Redis that Tally does not run. So the counts are per process (README, Operations).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, Window>();
  private readonly perToken: number;
  private readonly perAddress: number;

  constructor(
    private readonly tokens: TokenService,
    @Inject(TALLY_CONFIG) config: TallyConfig,
  ) {
    this.perToken = config.rateLimitPerToken;
    this.perAddress = config.rateLimitAnonPerIp;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.perToken === 0 && this.perAddress === 0) return true;
    const request = context.switchToHttp().getRequest<RatedRequest>();
    const secret = bearerSecret(request.headers.authorization);
    const token = secret === undefined ? undefined : await this.tokens.verify(secret);
    if (secret !== undefined) request.verifiedBearer = { secret, token };
    if (token) return this.allow(`token:${token.id}`, this.perToken);
    return this.allow(`ip:${request.ip}`, this.perAddress);
  }

  private allow(key: string, limit: number): boolean {
    if (limit === 0) return true;
    const now = Date.now();
    const window = this.windows.get(key);
    if (window === undefined) {
      if (this.windows.size >= SWEEP_ABOVE) this.sweep(now);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    if (now - window.start >= WINDOW_MS) {
      window.start = now;
      window.count = 1;
      return true;
    }
    if (window.count >= limit) {
      throw new HttpException(`More than ${limit} requests in one second`, HttpStatus.TOO_MANY_REQUESTS);
    }
    window.count += 1;
    return true;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}
