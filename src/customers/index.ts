/**
 * The customers context's face: customers and their subscriptions. Other contexts see their events
 * (to keep copies of their own), who holds which subject, the billing periods a subscription runs
 * in (`model.ts`, the pure part), and the read-model queries entitlements answer from.
 */
export * from './model';
export { CustomersModule } from './customers.module';
export { AddressDto } from './customers/customer-fields.dto';
export { CUSTOMERS_PROJECTION } from './customers/customers-read-model/customers.projection';
export { customerRowFor, GetCustomer, ListCustomers } from './customers/customers-read-model/customers.query';
export type { CustomerView } from './customers/customers-read-model/customers.query';
export { SUBSCRIPTIONS_PROJECTION } from './subscriptions/subscriptions-read-model/subscriptions.projection';
export { runningAt, subscriptionsOf } from './subscriptions/subscriptions-read-model/subscriptions.query';
