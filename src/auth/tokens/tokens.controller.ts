import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { DomainError } from '../../shared/errors';
import { Allow } from '../access.decorator';
import { Ctx, RequestContext, Role, ROLES } from '../request-context';
import { TokenService } from './token.service';

export class CreateTokenRequest {
  @ApiProperty({ example: 'ingest from checkout service' })
  @IsString()
  @Length(1, 256)
  name!: string;

  @ApiProperty({ enum: ROLES, description: '`system` only from a system token' })
  @IsIn(ROLES)
  role!: Role;
}

@ApiTags('Tokens')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/v1/tokens')
export class TokensController {
  constructor(private readonly tokens: TokenService) {}

  /** The secret is in this answer and nowhere else, ever. */
  @Post()
  @ApiOperation({ operationId: 'createToken' })
  async create(@Body() body: CreateTokenRequest, @Ctx() ctx: RequestContext) {
    if (body.role === 'system') onlySystem(ctx, 'grant the system role');
    const { token, secret } = await this.tokens.create({
      namespace: ctx.namespace,
      name: body.name,
      role: body.role,
      createdBy: ctx.tokenId,
    });
    return { ...token, secret };
  }

  @Get()
  @ApiOperation({ operationId: 'listTokens' })
  list(@Ctx() ctx: RequestContext) {
    return this.tokens.list(ctx.namespace);
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeToken' })
  async revoke(@Param('tokenId') tokenId: string, @Ctx() ctx: RequestContext): Promise<void> {
    const token = await this.tokens.get(ctx.namespace, tokenId);
    if (token?.role === 'system') onlySystem(ctx, 'revoke a system token');
    await this.tokens.revoke(ctx.namespace, tokenId);
  }
}

/** A namespace admin may not act above its role: the installation's operator is out of its reach. */
function onlySystem(ctx: RequestContext, what: string): void {
  if (ctx.role !== 'system') {
    throw new DomainError('forbidden', 'AUTH.ROLE_NOT_ALLOWED', `Only a system token may ${what}`);
  }
}
