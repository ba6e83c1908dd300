export { ErrorCode } from './errors/error-code';
export { describeIssues, plainIssueMessage, usePlainValidationMessages } from './errors/plain-issues';
export { REDACTED, redactSecrets } from './errors/redact';

// Preset language (browser-safe; also reachable alone via "@rolecall/presets/catalog").
export * from './preset.schema';
export * from './inventory.schema';
export * from './mapped-record.schema';
export { applyTransform, evaluateMapping, getPath, mapRecord, toIsoDate, type RecordMappings } from './mapping';
export { findPreset, getPreset, PRESETS } from './registry';
export { CATALOG, toCatalogPreset, type Catalog, type CatalogPreset } from './catalog';

// Runtime (Node: axios, node:http, node:dns).
export {
  createPresetClient,
  type PresetClient,
  type PresetClientOptions,
  type PresetLogger,
  type RejectedUser,
  type UsersPage,
  type VendorUser,
} from './runtime/preset-client';
export { isPresetError, PresetError, type PresetErrorInit } from './runtime/preset-error';
export { parseAllowedHosts } from './runtime/http-client';
export type { RateLimitSpec, RequestLimiter } from './runtime/rate-limiter';
export { smartMapping, type SmartMappingResult } from './smart-mapping';
