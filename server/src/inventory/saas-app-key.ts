/**
 * What identifies an inventory app: the preset, the tenant (the credential whose vendor account
 * the users come from) and the app's name. Two accounts of one vendor never share an app.
 */
export interface SaasAppKey {
  presetId: string;
  credentialId: string | null;
  name: string;
}
