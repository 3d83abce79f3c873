import { Module } from '@nestjs/common';
import { MeteringModule } from '../metering';
import { ProjectionsService } from '../projections/projections.service';
import { CreateEntitlementController } from './create-entitlement/create-entitlement.controller';
import { CreateEntitlementHandler } from './create-entitlement/create-entitlement.handler';
import { CreateGrantController } from './create-grant/create-grant.controller';
import { CreateGrantHandler } from './create-grant/create-grant.handler';
import { DeleteEntitlementController } from './delete-entitlement/delete-entitlement.controller';
import { DeleteEntitlementHandler } from './delete-entitlement/delete-entitlement.handler';
import { EntitlementHistoryController } from './entitlement-history/entitlement-history.controller';
import { GetEntitlementHistoryHandler } from './entitlement-history/entitlement-history.query';
import { EntitlementBalances } from './entitlement-value/entitlement-balances';
import { EntitlementValueController } from './entitlement-value/entitlement-value.controller';
import {
  GetCustomerAccessHandler,
  GetEntitlementValueHandler,
} from './entitlement-value/entitlement-value.query';
import { entitlementsProjection } from './entitlements-read-model/entitlements.projection';
import { OverrideEntitlementController } from './override-entitlement/override-entitlement.controller';
import { OverrideEntitlementHandler } from './override-entitlement/override-entitlement.handler';
import { ReadEntitlementsController } from './read-entitlements/read-entitlements.controller';
import {
  GetEntitlementByIdHandler,
  GetOwnedEntitlementHandler,
  ListEntitlementsHandler,
} from './read-entitlements/read-entitlements.query';
import { ReadGrantsController } from './read-grants/read-grants.controller';
import { ListGrantsHandler } from './read-grants/read-grants.query';
import { ResetUsageController } from './reset-usage/reset-usage.controller';
import { ResetUsageHandler } from './reset-usage/reset-usage.handler';
import { VoidGrantController } from './void-grant/void-grant.controller';
import { VoidGrantHandler } from './void-grant/void-grant.handler';

/**
 * What a customer may use: entitlements created through the API or provided by its subscriptions,
 * their grants and resets, and their values — metered ones burnt down from metering's counters.
 */
@Module({
  imports: [MeteringModule],
  controllers: [
    CreateEntitlementController,
    OverrideEntitlementController,
    DeleteEntitlementController,
    ResetUsageController,
    CreateGrantController,
    VoidGrantController,
    ReadEntitlementsController,
    ReadGrantsController,
    EntitlementValueController,
    EntitlementHistoryController,
  ],
  providers: [
    EntitlementBalances,
    CreateEntitlementHandler,
    OverrideEntitlementHandler,
    DeleteEntitlementHandler,
    ResetUsageHandler,
    CreateGrantHandler,
    VoidGrantHandler,
    GetOwnedEntitlementHandler,
    GetEntitlementByIdHandler,
    ListEntitlementsHandler,
    ListGrantsHandler,
    GetEntitlementValueHandler,
    GetCustomerAccessHandler,
    GetEntitlementHistoryHandler,
  ],
})
export class EntitlementsModule {
  constructor(projections: ProjectionsService) {
    projections.register(entitlementsProjection);
  }
}
