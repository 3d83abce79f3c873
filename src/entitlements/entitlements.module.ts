import { Module } from '@nestjs/common';
import { EntitlementValueController } from './entitlement-value/entitlement-value.controller';
import { GetEntitlementValueHandler } from './entitlement-value/entitlement-value.query';

/** What a customer may use: entitlements from the rate cards of the subscription running for it. */
@Module({
  controllers: [EntitlementValueController],
  providers: [GetEntitlementValueHandler],
})
export class EntitlementsModule {}
