import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../../projections/projections.service';
import { CUSTOMERS_PROJECTION } from '../../customers/customers-read-model/customers.projection';
import { SUBJECTS_PROJECTION } from './subjects.projection';

/**
 * OpenMeter's `Subject`, with the customer whose usage it is: the live customer that holds the key
 * as its key or a subject key, now (Tally's addition; absent when none does).
 */
export interface SubjectView {
  readonly id: string;
  readonly key: string;
  readonly displayName?: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly currentPeriodStart?: string;
  readonly currentPeriodEnd?: string;
  readonly stripeCustomerId?: string;
  readonly customerId?: string;
  readonly customerKey?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt?: string;
}

/** By id (deleted ones too) or by key (the live one). */
export class GetSubject extends Query<SubjectView | undefined> {
  constructor(
    readonly namespace: string,
    readonly idOrKey: string,
  ) {
    super();
  }
}

/** The live subjects, by key; `keys` narrows to those. */
export class ListSubjects extends Query<SubjectView[]> {
  constructor(
    readonly namespace: string,
    readonly keys?: readonly string[],
  ) {
    super();
  }
}

interface SubjectRow {
  id: string;
  key: string;
  display_name: string | null;
  metadata: Record<string, unknown> | null;
  current_period_start: Date | null;
  current_period_end: Date | null;
  stripe_customer_id: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  customer_id: string | null;
  customer_key: string | null;
}

/** The subject index every customer keeps (`customer_subjects`), joined at read time. */
const SELECT = `SELECT s.*, cs.customer_id, c.key AS customer_key FROM subjects s
  LEFT JOIN customer_subjects cs ON cs.namespace = s.namespace AND cs.subject_key = s.key AND s.deleted_at IS NULL
  LEFT JOIN customers c ON c.namespace = cs.namespace AND c.id = cs.customer_id`;

@QueryHandler(GetSubject)
export class GetSubjectHandler implements IQueryHandler<GetSubject> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, idOrKey }: GetSubject): Promise<SubjectView | undefined> {
    await this.projections.readYourWrites([SUBJECTS_PROJECTION, CUSTOMERS_PROJECTION]);
    const [row] = await this.db.query<SubjectRow[]>(
      `${SELECT} WHERE s.namespace = $1 AND (s.id = $2 OR (s.key = $2 AND s.deleted_at IS NULL))
       ORDER BY s.id = $2 DESC LIMIT 1`,
      [namespace, idOrKey],
    );
    return row && toView(row);
  }
}

@QueryHandler(ListSubjects)
export class ListSubjectsHandler implements IQueryHandler<ListSubjects> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, keys }: ListSubjects): Promise<SubjectView[]> {
    await this.projections.readYourWrites([SUBJECTS_PROJECTION, CUSTOMERS_PROJECTION]);
    const rows = await this.db.query<SubjectRow[]>(
      `${SELECT} WHERE s.namespace = $1 AND s.deleted_at IS NULL AND ($2::text[] IS NULL OR s.key = ANY($2))
       ORDER BY s.key`,
      [namespace, keys ?? null],
    );
    return rows.map(toView);
  }
}

function toView(row: SubjectRow): SubjectView {
  return {
    id: row.id,
    key: row.key,
    ...(row.display_name !== null && { displayName: row.display_name }),
    ...(row.metadata !== null && { metadata: row.metadata }),
    ...(row.current_period_start !== null && { currentPeriodStart: row.current_period_start.toISOString() }),
    ...(row.current_period_end !== null && { currentPeriodEnd: row.current_period_end.toISOString() }),
    ...(row.stripe_customer_id !== null && { stripeCustomerId: row.stripe_customer_id }),
    ...(row.customer_id !== null && { customerId: row.customer_id }),
    ...(row.customer_key !== null && { customerKey: row.customer_key }),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.deleted_at !== null && { deletedAt: row.deleted_at.toISOString() }),
  };
}
