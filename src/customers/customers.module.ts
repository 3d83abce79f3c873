import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog';
import { ProjectionsService } from '../projections/projections.service';
import { CreateCustomerController } from './customers/create-customer/create-customer.controller';
import { CreateCustomerHandler } from './customers/create-customer/create-customer.handler';
import { CustomersController } from './customers/customers-read-model/customers.controller';
import { customersProjection } from './customers/customers-read-model/customers.projection';
import { GetCustomerHandler, ListCustomersHandler } from './customers/customers-read-model/customers.query';
import { DeleteCustomerController } from './customers/delete-customer/delete-customer.controller';
import { DeleteCustomerHandler } from './customers/delete-customer/delete-customer.handler';
import { UpdateCustomerController } from './customers/update-customer/update-customer.controller';
import { UpdateCustomerHandler } from './customers/update-customer/update-customer.handler';
import { DeleteSubjectHandler } from './subjects/delete-subject/delete-subject.handler';
import { SubjectsController } from './subjects/subjects-read-model/subjects.controller';
import { subjectsProjection } from './subjects/subjects-read-model/subjects.projection';
import { GetSubjectHandler, ListSubjectsHandler } from './subjects/subjects-read-model/subjects.query';
import { UpsertSubjectsHandler } from './subjects/upsert-subjects/upsert-subjects.handler';
import { CancelSubscriptionController } from './subscriptions/cancel-subscription/cancel-subscription.controller';
import { EditSubscriptionController } from './subscriptions/edit-subscription/edit-subscription.controller';
import { EditSubscriptionHandler } from './subscriptions/edit-subscription/edit-subscription.handler';
import { SubscriptionAddonsController } from './subscriptions/subscription-addons/subscription-addons.controller';
import {
  CreateSubscriptionAddonHandler,
  UpdateSubscriptionAddonHandler,
} from './subscriptions/subscription-addons/subscription-addon.handlers';
import { ListSubscriptionAddonsHandler } from './subscriptions/subscription-addons/subscription-addons.query';
import { CancelSubscriptionHandler } from './subscriptions/cancel-subscription/cancel-subscription.handler';
import { ChangeSubscriptionController } from './subscriptions/change-subscription/change-subscription.controller';
import { ChangeSubscriptionHandler } from './subscriptions/change-subscription/change-subscription.handler';
import { DeleteSubscriptionController } from './subscriptions/delete-subscription/delete-subscription.controller';
import { DeleteSubscriptionHandler } from './subscriptions/delete-subscription/delete-subscription.handler';
import { RestoreSubscriptionController } from './subscriptions/restore-subscription/restore-subscription.controller';
import { RestoreSubscriptionHandler } from './subscriptions/restore-subscription/restore-subscription.handler';
import { CreateSubscriptionController } from './subscriptions/create-subscription/create-subscription.controller';
import { CreateSubscriptionHandler } from './subscriptions/create-subscription/create-subscription.handler';
import { SubscriptionsController } from './subscriptions/subscriptions-read-model/subscriptions.controller';
import { subscriptionsProjection } from './subscriptions/subscriptions-read-model/subscriptions.projection';
import {
  GetSubscriptionHandler,
  ListCustomerSubscriptionsHandler,
} from './subscriptions/subscriptions-read-model/subscriptions.query';

/** Customers, their subscriptions to published plans, and the subjects their usage comes under. */
@Module({
  imports: [CatalogModule],
  controllers: [
    CustomersController,
    CreateCustomerController,
    UpdateCustomerController,
    DeleteCustomerController,
    SubscriptionsController,
    CreateSubscriptionController,
    CancelSubscriptionController,
    EditSubscriptionController,
    SubscriptionAddonsController,
    ChangeSubscriptionController,
    RestoreSubscriptionController,
    DeleteSubscriptionController,
    SubjectsController,
  ],
  providers: [
    CreateCustomerHandler,
    UpdateCustomerHandler,
    DeleteCustomerHandler,
    GetCustomerHandler,
    ListCustomersHandler,
    CreateSubscriptionHandler,
    CancelSubscriptionHandler,
    EditSubscriptionHandler,
    CreateSubscriptionAddonHandler,
    UpdateSubscriptionAddonHandler,
    ListSubscriptionAddonsHandler,
    ChangeSubscriptionHandler,
    RestoreSubscriptionHandler,
    DeleteSubscriptionHandler,
    GetSubscriptionHandler,
    ListCustomerSubscriptionsHandler,
    UpsertSubjectsHandler,
    DeleteSubjectHandler,
    GetSubjectHandler,
    ListSubjectsHandler,
  ],
})
export class CustomersModule {
  constructor(projections: ProjectionsService) {
    for (const projection of [customersProjection, subscriptionsProjection, subjectsProjection])
      projections.register(projection);
  }
}
