import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors';
import { Allow, Public } from '../access.decorator';
import { Ctx, RequestContext, Role } from '../request-context';
import { TokenService } from '../tokens/token.service';
import { requestSession, sessionCookie } from './session-cookie';
import { csrfTokenOf, SessionService } from './session.service';

export class SignInRequest {
  @ApiProperty({ description: 'An API token of the `read`, `admin` or `system` role' })
  @IsString()
  @Length(1, 512)
  token!: string;
}

/** Who the console is signed in as; `csrfToken` goes with every write as `X-CSRF-Token`. */
export class ConsoleSessionAnswer {
  @ApiProperty() namespace!: string;
  @ApiProperty({ enum: ['system', 'admin', 'ingest', 'read'] }) role!: Role;
  @ApiProperty() tokenId!: string;
  @ApiProperty() tokenName!: string;
  @ApiProperty({ required: false }) csrfToken?: string;
  @ApiProperty({ required: false }) expiresAt?: string;
}

const INVALID_TOKEN = 'The token is unknown or revoked';

/**
 * The console's sign-in: a token in, an HttpOnly session cookie out. Tally's own route (OpenMeter has
 * none). Sign-in takes JSON only, which a page of another origin cannot send here without a CORS
 * preflight Tally never grants: no one is signed in to someone else's session.
 */
@ApiTags('Console')
@Controller('api/v1/console')
export class SessionsController {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
  ) {}

  @Post('sessions')
  @Public()
  @ApiOperation({ operationId: 'createConsoleSession' })
  async signIn(
    @Body() body: SignInRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsoleSessionAnswer> {
    const token = await this.tokens.verify(body.token.trim());
    if (!token) {
      throw new DomainError('unauthorized', 'AUTH.INVALID_TOKEN', INVALID_TOKEN, [
        { field: 'token', message: INVALID_TOKEN },
      ]);
    }
    // An ingest token only sends events; a portal token is a customer's, scoped to one subject's
    // usage through the portal's routes — neither opens the console.
    if (token.role === 'ingest' || token.role === 'portal') {
      const message = `A ${token.role} token cannot open the console: sign in with a read or admin token`;
      throw new DomainError('forbidden', 'AUTH.ROLE_NOT_ALLOWED', message, [{ field: 'token', message }]);
    }
    const { session, secret } = await this.sessions.create(token);
    reply.header('set-cookie', sessionCookie(request, secret));
    return {
      namespace: token.namespace,
      role: token.role,
      tokenId: token.id,
      tokenName: token.name,
      csrfToken: csrfTokenOf(secret),
      expiresAt: session.expiresAt,
    };
  }

  /** The session's identity (or a bearer token's, without a CSRF token: it needs none). */
  @Get('session')
  @Allow('read', 'admin')
  @ApiOperation({ operationId: 'getConsoleSession' })
  current(@Ctx() ctx: RequestContext, @Req() request: FastifyRequest): ConsoleSessionAnswer {
    const signed = requestSession(request);
    return {
      namespace: ctx.namespace,
      role: ctx.role,
      tokenId: ctx.tokenId,
      tokenName: ctx.tokenName,
      ...(signed ? { csrfToken: csrfTokenOf(signed.secret), expiresAt: signed.session.expiresAt } : {}),
    };
  }

  /** Signs out: the session ends on every process at once, and the browser drops its cookie. */
  @Delete('session')
  @HttpCode(204)
  @Allow('read', 'admin')
  @ApiOperation({ operationId: 'deleteConsoleSession' })
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const signed = requestSession(request);
    if (signed) await this.sessions.revoke(signed.session.id);
    reply.header('set-cookie', sessionCookie(request, undefined));
  }
}
