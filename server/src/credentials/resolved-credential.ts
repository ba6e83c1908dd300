/**
 * A credential ready for a vendor call, shaped to spread into `createPresetClient` options.
 * Holds secrets: hand it to the preset runtime, never log, persist or put it in a Temporal payload.
 */
export interface ResolvedCredential {
  presetId: string;
  /** Absent = the preset's default region. */
  region?: string;
  /** Absent = the region's base URL. */
  baseUrl?: string;
  authKind: string;
  /** Every field value by key, secrets decrypted. */
  credentials: Record<string, string>;
}
