import { CustomerFieldsDto } from '../customer-fields.dto';

/** OpenMeter's `CustomerCreate`: a key or at least one subject key is required. */
export class CreateCustomerRequest extends CustomerFieldsDto {}
