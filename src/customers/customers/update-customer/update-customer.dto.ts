import { CustomerFieldsDto } from '../customer-fields.dto';

/** OpenMeter's `CustomerReplaceUpdate`: replaces the customer's fields; what is left out is removed. */
export class UpdateCustomerRequest extends CustomerFieldsDto {}
