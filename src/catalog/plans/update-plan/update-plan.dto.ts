import { PlanContentDto } from '../plan-content.dto';

/** OpenMeter's `PlanReplaceUpdate`: a draft's content, replaced whole; key, version and currency stay. */
export class UpdatePlanRequest extends PlanContentDto {}
