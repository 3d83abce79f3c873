import { Body, Controller, Get, HttpCode, Inject, Post, Query as QueryParams } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Ctx, RequestContext } from '../../auth/request-context';
import { ApiToken, TokenService } from '../../auth/tokens/token.service';
import { CATALOG_KEY_PATTERN } from '../../catalog';
import { CLOCK, Clock } from '../../shared/clock';
import { invalid } from '../../shared/errors';
import { IsInstant } from '../../shared/http/is-instant';
import { ULID_PATTERN } from '../../shared/http/list-params';
import { MeterQueryService } from '../meter-query/meter-query.service';

/** OpenMeter's default lifetime of a portal token (`portal.tokenExpiration`). */
export const PORTAL_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** OpenMeter's `PortalToken`, as a create asks for it. */
export class CreatePortalTokenRequest {
  @ApiProperty({ example: 'customer-1', description: 'The one subject whose usage the token reads' })
  @IsString()
  @Length(1, 256)
  subject!: string;

  @ApiPropertyOptional({ type: [String], description: 'Only these meters; all when left out' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'allowedMeterSlugs cannot be an empty array when provided' })
  @ArrayMaxSize(100)
  @Matches(CATALOG_KEY_PATTERN, { each: true, message: 'allowedMeterSlugs must be meter slugs' })
  allowedMeterSlugs?: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'In the future; an hour from now by default (also when null)',
  })
  @IsOptional()
  @IsInstant()
  expiresAt?: string | null;
}

export class ListPortalTokensParams {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class InvalidatePortalTokensRequest {
  @ApiPropertyOptional({ description: 'Invalidate a portal token by id' })
  @IsOptional()
  @IsString()
  @Matches(ULID_PATTERN, { message: 'id must be a portal token id (ULID)' })
  id?: string;

  @ApiPropertyOptional({ description: 'Invalidate every portal token of a subject' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  subject?: string;
}

/** OpenMeter's `PortalToken`; `token`, the secret, only in the create answer. */
export class PortalTokenView {
  @ApiProperty() id!: string;
  @ApiProperty() subject!: string;
  @ApiPropertyOptional({ type: [String] }) allowedMeterSlugs?: readonly string[];
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty() expired!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ description: 'The secret: in the create answer only' }) token?: string;
}

/**
 * Portal tokens: what a product shows its own customers of their usage, each token reading one
 * subject's usage of some meters (`GET /api/v1/portal/meters/{meterSlug}/query`) and nothing else.
 * They are tokens of their own kind in `auth` (digests only, revoked everywhere like API tokens);
 * their meters are checked against metering's copy of the catalog's.
 */
@ApiTags('Portal')
@ApiBearerAuth()
@Controller('api/v1/portal/tokens')
export class PortalTokensController {
  constructor(
    private readonly tokens: TokenService,
    private readonly meters: MeterQueryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** 200, as OpenMeter answers, with the secret — here and nowhere else. */
  @Post()
  @HttpCode(200)
  @ApiOperation({ operationId: 'createPortalToken', summary: 'A token reading one subject’s usage' })
  @ApiOkResponse({ type: PortalTokenView })
  async create(@Body() body: CreatePortalTokenRequest, @Ctx() ctx: RequestContext): Promise<PortalTokenView> {
    const now = this.clock.now().getTime();
    // Null is not given: OpenMeter's field is read-only, so a client may send back a token it read.
    const expiresAt =
      body.expiresAt === undefined || body.expiresAt === null
        ? now + PORTAL_TOKEN_LIFETIME_MS
        : Date.parse(body.expiresAt);
    const problems = [];
    if (expiresAt <= now)
      problems.push({ field: 'expiresAt', message: 'must be in the future', code: 'isFuture' });
    if (body.allowedMeterSlugs) {
      const live = await this.meters.liveMeterSlugs(ctx.namespace, body.allowedMeterSlugs);
      body.allowedMeterSlugs.forEach((slug, index) => {
        if (!live.has(slug))
          problems.push({
            field: `allowedMeterSlugs[${index}]`,
            message: `no meter ${slug} exists`,
            code: 'meterNotFound',
          });
      });
    }
    if (problems.length > 0)
      throw invalid('PORTAL.INVALID', 'The portal token request is not valid', problems);
    const { token, secret } = await this.tokens.createPortal({
      namespace: ctx.namespace,
      subject: body.subject,
      ...(body.allowedMeterSlugs && { allowedMeterSlugs: [...new Set(body.allowedMeterSlugs)] }),
      expiresAt: new Date(expiresAt).toISOString(),
      createdBy: ctx.tokenId,
    });
    return { ...this.view(token), token: secret };
  }

  @Get()
  @ApiOperation({ operationId: 'listPortalTokens', summary: 'The namespace’s portal tokens, newest first' })
  @ApiOkResponse({ type: [PortalTokenView] })
  async list(
    @QueryParams() { limit }: ListPortalTokensParams,
    @Ctx() ctx: RequestContext,
  ): Promise<PortalTokenView[]> {
    return (await this.tokens.listPortal(ctx.namespace, limit ?? 25)).map((token) => this.view(token));
  }

  /** By id, or every token of a subject; stops them on every process within a second. */
  @Post('invalidate')
  @HttpCode(204)
  @ApiOperation({ operationId: 'invalidatePortalTokens', summary: 'Revokes a portal token, or a subject’s' })
  async invalidate(@Body() body: InvalidatePortalTokensRequest, @Ctx() ctx: RequestContext): Promise<void> {
    if (body.id === undefined && body.subject === undefined) {
      throw invalid('PORTAL.INVALID', 'Name the token to invalidate by id or subject', [
        { field: 'id', message: 'id or subject is required', code: 'isDefined' },
      ]);
    }
    await this.tokens.invalidatePortal(ctx.namespace, body);
  }

  private view(token: ApiToken): PortalTokenView {
    const portal = token.portal!;
    return {
      id: token.id,
      subject: portal.subject,
      ...(portal.allowedMeterSlugs && { allowedMeterSlugs: portal.allowedMeterSlugs }),
      expiresAt: portal.expiresAt,
      expired: token.revokedAt !== undefined || Date.parse(portal.expiresAt) <= this.clock.now().getTime(),
      createdAt: token.createdAt,
    };
  }
}
