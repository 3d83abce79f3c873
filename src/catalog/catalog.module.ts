import { Module } from '@nestjs/common';
import { ProjectionsService } from '../projections/projections.service';
import { AddonDrafts } from './addons/addon-drafts';
import { AddonsController } from './addons/addons-read-model/addons.controller';
import { addonsProjection } from './addons/addons-read-model/addons.projection';
import {
  AddonVersionsOfHandler,
  GetAddonHandler,
  ListAddonsHandler,
} from './addons/addons-read-model/addons.query';
import { ArchiveAddonController } from './addons/archive-addon/archive-addon.controller';
import { ArchiveAddonHandler } from './addons/archive-addon/archive-addon.handler';
import { CreateAddonController } from './addons/create-addon/create-addon.controller';
import { CreateAddonHandler } from './addons/create-addon/create-addon.handler';
import { DeleteAddonController } from './addons/delete-addon/delete-addon.controller';
import { DeleteAddonHandler } from './addons/delete-addon/delete-addon.handler';
import { PublishAddonController } from './addons/publish-addon/publish-addon.controller';
import { PublishAddonHandler } from './addons/publish-addon/publish-addon.handler';
import { UpdateAddonController } from './addons/update-addon/update-addon.controller';
import { UpdateAddonHandler } from './addons/update-addon/update-addon.handler';
import { AddonLookup } from './plan-addons/addon-to-subscribe';
import { AttachPlanAddonHandler } from './plan-addons/attach-plan-addon/attach-plan-addon.handler';
import { DetachPlanAddonHandler } from './plan-addons/detach-plan-addon/detach-plan-addon.handler';
import { PlanAddonsController } from './plan-addons/plan-addons.controller';
import { planAddonsProjection } from './plan-addons/plan-addons-read-model/plan-addons.projection';
import {
  GetPlanAddonHandler,
  ListPlanAddonsHandler,
} from './plan-addons/plan-addons-read-model/plan-addons.query';
import { UpdatePlanAddonHandler } from './plan-addons/update-plan-addon/update-plan-addon.handler';
import { ListCurrenciesController } from './currencies/list-currencies.controller';
import { ArchiveFeatureController } from './features/archive-feature/archive-feature.controller';
import { ArchiveFeatureHandler } from './features/archive-feature/archive-feature.handler';
import { CreateFeatureController } from './features/create-feature/create-feature.controller';
import { CreateFeatureHandler } from './features/create-feature/create-feature.handler';
import { FeaturesController } from './features/features-read-model/features.controller';
import { featuresProjection } from './features/features-read-model/features.projection';
import {
  GetFeatureHandler,
  ListFeaturesHandler,
  LiveFeaturesOfMeterHandler,
} from './features/features-read-model/features.query';
import { CreateMeterController } from './meters/create-meter/create-meter.controller';
import { CreateMeterHandler } from './meters/create-meter/create-meter.handler';
import { DeleteMeterController } from './meters/delete-meter/delete-meter.controller';
import { DeleteMeterHandler } from './meters/delete-meter/delete-meter.handler';
import { MetersController } from './meters/meters-read-model/meters.controller';
import { metersProjection } from './meters/meters-read-model/meters.projection';
import { GetMeterHandler, ListMetersHandler } from './meters/meters-read-model/meters.query';
import { UpdateMeterController } from './meters/update-meter/update-meter.controller';
import { UpdateMeterHandler } from './meters/update-meter/update-meter.handler';
import { ArchivePlanController } from './plans/archive-plan/archive-plan.controller';
import { ArchivePlanHandler } from './plans/archive-plan/archive-plan.handler';
import { CreatePlanController } from './plans/create-plan/create-plan.controller';
import { CreatePlanHandler } from './plans/create-plan/create-plan.handler';
import { DeletePlanController } from './plans/delete-plan/delete-plan.controller';
import { DeletePlanHandler } from './plans/delete-plan/delete-plan.handler';
import { NextPlanController } from './plans/next-plan/next-plan.controller';
import { NextPlanHandler } from './plans/next-plan/next-plan.handler';
import { PlanDrafts } from './plans/plan-drafts';
import { PlanLookup } from './plans/plan-to-subscribe';
import { PlansController } from './plans/plans-read-model/plans.controller';
import { plansProjection } from './plans/plans-read-model/plans.projection';
import {
  GetPlanHandler,
  ListPlansHandler,
  PlanVersionsOfHandler,
} from './plans/plans-read-model/plans.query';
import { PublishPlanController } from './plans/publish-plan/publish-plan.controller';
import { PublishPlanHandler } from './plans/publish-plan/publish-plan.handler';
import { UpdatePlanController } from './plans/update-plan/update-plan.controller';
import { UpdatePlanHandler } from './plans/update-plan/update-plan.handler';

/** The product catalog: meters, features, plans and add-ons with their rate cards. */
@Module({
  controllers: [
    MetersController,
    CreateMeterController,
    UpdateMeterController,
    DeleteMeterController,
    FeaturesController,
    CreateFeatureController,
    ArchiveFeatureController,
    PlansController,
    CreatePlanController,
    UpdatePlanController,
    DeletePlanController,
    PublishPlanController,
    ArchivePlanController,
    NextPlanController,
    ListCurrenciesController,
    AddonsController,
    CreateAddonController,
    UpdateAddonController,
    DeleteAddonController,
    PublishAddonController,
    ArchiveAddonController,
    PlanAddonsController,
  ],
  providers: [
    CreateMeterHandler,
    UpdateMeterHandler,
    DeleteMeterHandler,
    GetMeterHandler,
    ListMetersHandler,
    CreateFeatureHandler,
    ArchiveFeatureHandler,
    GetFeatureHandler,
    ListFeaturesHandler,
    LiveFeaturesOfMeterHandler,
    PlanDrafts,
    CreatePlanHandler,
    UpdatePlanHandler,
    DeletePlanHandler,
    PublishPlanHandler,
    ArchivePlanHandler,
    NextPlanHandler,
    GetPlanHandler,
    ListPlansHandler,
    PlanVersionsOfHandler,
    PlanLookup,
    AddonDrafts,
    CreateAddonHandler,
    UpdateAddonHandler,
    DeleteAddonHandler,
    PublishAddonHandler,
    ArchiveAddonHandler,
    GetAddonHandler,
    ListAddonsHandler,
    AddonVersionsOfHandler,
    AttachPlanAddonHandler,
    UpdatePlanAddonHandler,
    DetachPlanAddonHandler,
    ListPlanAddonsHandler,
    GetPlanAddonHandler,
    AddonLookup,
  ],
  exports: [PlanLookup, AddonLookup],
})
export class CatalogModule {
  constructor(projections: ProjectionsService) {
    for (const projection of [
      metersProjection,
      featuresProjection,
      plansProjection,
      addonsProjection,
      planAddonsProjection,
    ])
      projections.register(projection);
  }
}
