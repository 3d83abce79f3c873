import { AddonContentDto } from '../addon-content.dto';

/** OpenMeter's `AddonReplaceUpdate`: a draft's content, replaced whole; key, version and currency stay. */
export class UpdateAddonRequest extends AddonContentDto {}
