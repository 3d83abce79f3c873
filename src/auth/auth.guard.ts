import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../shared/errors';
import { ACCESS, Access, mayCall } from './access.decorator';
import { bearerSecret, VerifiedBearer } from './bearer';
import type { Role, TallyRequest } from './request-context';
import { authenticateSession } from './sessions/session-cookie';
import { SessionService } from './sessions/session.service';
import { TokenService } from './tokens/token.service';

/**
 * Every route needs a bearer token — or the console's session cookie — unless marked public; 401 for
 * who, 403 for what.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access === 'public') return true;
    const request = context.switchToHttp().getRequest<TallyRequest & { verifiedBearer?: VerifiedBearer }>();
    const secret = bearerSecret(request.headers.authorization);
    const session = secret ? undefined : await authenticateSession(request, this.sessions);
    if (!secret && !session)
      throw new DomainError(
        'unauthorized',
        'AUTH.MISSING_TOKEN',
        'Authorization: Bearer <token> is required',
      );
    // The rate limit, which runs first, has usually checked this very secret already.
    const checked = request.verifiedBearer;
    const token = session
      ? session.token
      : checked?.secret === secret!
        ? checked.token
        : await this.tokens.verify(secret!);
    if (!token)
      throw new DomainError('unauthorized', 'AUTH.INVALID_TOKEN', 'The token is unknown or revoked');
    const allowed: readonly Role[] =
      access ?? (['GET', 'HEAD'].includes(request.method) ? ['read', 'admin'] : ['admin']);
    if (!mayCall(token.role, allowed)) {
      throw new DomainError(
        'forbidden',
        'AUTH.ROLE_NOT_ALLOWED',
        `A ${token.role} token may not call this route`,
      );
    }
    request.tally = {
      namespace: token.namespace,
      tokenId: token.id,
      tokenName: token.name,
      role: token.role,
      requestId: String(request.id),
      ...(token.portal && {
        portal: {
          subject: token.portal.subject,
          ...(token.portal.allowedMeterSlugs && { allowedMeterSlugs: token.portal.allowedMeterSlugs }),
        },
      }),
    };
    return true;
  }
}
