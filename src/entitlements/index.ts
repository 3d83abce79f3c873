/** The entitlements context's face: its module (entitlement values are HTTP reads). */
export { EntitlementsModule } from './entitlements.module';
