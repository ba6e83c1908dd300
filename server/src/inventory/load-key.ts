/** One key value a record of a load carries (`externalId`, or a lower-cased email / username). */
export interface LoadKey {
  field: string;
  value: string;
}

/** The identity `InventoryWriter.claimKeys` returns a key under. */
export const loadKeyId = (k: LoadKey): string => `${k.field}\u0000${k.value}`;
