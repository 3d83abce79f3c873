import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { notFound } from '../../../shared/errors';
import { validateList } from '../../../shared/http/validation';
import { DeleteSubjectCommand } from '../delete-subject/delete-subject.command';
import { MAX_SUBJECT_KEY_LENGTH, SubjectErrors } from '../subject.decider';
import { UpsertSubjectsCommand } from '../upsert-subjects/upsert-subjects.command';
import { SubjectUpsertDto } from '../upsert-subjects/upsert-subjects.dto';
import { GetSubject, ListSubjects, SubjectView } from './subjects.query';

/** At most this many subjects in one upsert. */
const MAX_UPSERT = 100;

export class SubjectParams {
  @ApiProperty({ description: 'The subject id (ULID) or key' })
  @IsString()
  @Length(1, MAX_SUBJECT_KEY_LENGTH)
  subjectIdOrKey!: string;
}

/** OpenMeter's (deprecated) subjects. */
@ApiTags('Subjects')
@ApiBearerAuth()
@Controller('api/v1/subjects')
export class SubjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listSubjects', summary: 'The live subjects, by key, each with its customer' })
  list(@Ctx() ctx: RequestContext): Promise<SubjectView[]> {
    return this.queries.execute(new ListSubjects(ctx.namespace));
  }

  /** Creates the keys not live, partially updates the others; 200 with them all, as OpenMeter answers. */
  @Post()
  @HttpCode(200)
  @ApiOperation({ operationId: 'upsertSubject', summary: 'Creates or partially updates subjects, by key' })
  @ApiBody({ type: [SubjectUpsertDto] })
  async upsert(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<SubjectView[]> {
    const subjects = validateList(SubjectUpsertDto, body, MAX_UPSERT);
    const { keys } = await this.commands.execute(
      new UpsertSubjectsCommand(ctx.namespace, subjects, eventMetadata(ctx)),
    );
    const upserted = await this.queries.execute(new ListSubjects(ctx.namespace, keys));
    return keys.map((key) => upserted.find((subject) => subject.key === key)!);
  }

  @Get(':subjectIdOrKey')
  @ApiOperation({ operationId: 'getSubject', summary: 'A subject by id (deleted ones too) or key' })
  async get(@Param() { subjectIdOrKey }: SubjectParams, @Ctx() ctx: RequestContext): Promise<SubjectView> {
    const found = await this.queries.execute(new GetSubject(ctx.namespace, subjectIdOrKey));
    if (!found) throw notFound(SubjectErrors.notFound, `Subject ${subjectIdOrKey} not found`);
    return found;
  }

  @Delete(':subjectIdOrKey')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteSubject', summary: 'Deletes a subject; its id still reads' })
  async delete(@Param() { subjectIdOrKey }: SubjectParams, @Ctx() ctx: RequestContext): Promise<void> {
    const found = await this.queries.execute(new GetSubject(ctx.namespace, subjectIdOrKey));
    if (!found) throw notFound(SubjectErrors.notFound, `Subject ${subjectIdOrKey} not found`);
    await this.commands.execute(new DeleteSubjectCommand(ctx.namespace, found.key, eventMetadata(ctx)));
  }
}
