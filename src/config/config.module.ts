export const TALLY_CONFIG = Symbol('TallyConfig');
