import type { CustomFieldRef, CustomFieldType, MappedRecord, MapResult } from './mapped-record.schema';
import type { FieldMapping, Transform } from './preset.schema';

/**
 * Pure mapping of vendor users onto inventory fields. Browser-safe: the web mapping editor can
 * preview with the same code the user load runs.
 */

/** Reads a dot path (`name.givenName`); undefined when any step is missing. */
export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const ASP_NET_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
// A date-time without an offset: vendors send these in UTC, and Date.parse would read the
// server's local time instead, so the same record would map differently on another machine.
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/**
 * A vendor date → ISO 8601 (UTC); null when it is not a date. Accepts ISO strings (with or
 * without offset, date only), epoch milliseconds (Lever) and ASP.NET `/Date(ms±hhmm)/` (Litmos),
 * whose milliseconds are UTC already (the offset only says where the writer was).
 */
export function toIsoDate(value: unknown): string | null {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim();
    const asp = ASP_NET_DATE.exec(text);
    const local = LOCAL_DATE_TIME.exec(text);
    ms = asp ? Number(asp[1]) : Date.parse(local ? `${local[1]}T${local[2]}Z` : text);
  } else return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** true/false, or the strings "true"/"false" in any case (SCIM servers such as Entra send "False"). */
function toBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return null;
}

function listEntry(entry: unknown): string | null {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') {
    const o = entry as Record<string, unknown>;
    for (const key of ['name', 'display', 'value']) {
      if (typeof o[key] === 'string') return o[key];
    }
  }
  return null;
}

/** Applies one named transform. `undefined` never reaches here (absent fields use defaults). */
export function applyTransform(value: unknown, transform: Transform): unknown {
  switch (transform) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    case 'boolean':
      return toBoolean(value);
    case 'not': {
      const b = toBoolean(value);
      return b === null ? null : !b;
    }
    case 'isNull':
      return value === null;
    case 'isoDate':
      return toIsoDate(value);
    case 'list': {
      if (typeof value === 'string') return value === '' ? null : value;
      if (!Array.isArray(value)) return null;
      const names = value.map(listEntry).filter((n): n is string => n !== null && n !== '');
      return names.length ? names.join(', ') : null;
    }
    case 'values': {
      if (typeof value === 'string') return value === '' ? null : value;
      if (!Array.isArray(value)) return null;
      const values = value
        .map((e) => (typeof e === 'string' ? e : e && typeof e === 'object' ? (e as Record<string, unknown>).value : null))
        .filter((v): v is string => typeof v === 'string' && v !== '');
      return values.length ? values.join(', ') : null;
    }
    case 'primaryValue': {
      if (typeof value === 'string') return value;
      if (!Array.isArray(value)) return null;
      const entries = value.filter((e): e is Record<string, unknown> => !!e && typeof e === 'object');
      const chosen = entries.find((e) => e.primary === true) ?? entries[0];
      return chosen && typeof chosen.value === 'string' ? chosen.value : null;
    }
    case 'firstWord':
    case 'afterFirstWord': {
      if (typeof value !== 'string') return null;
      const words = value.trim().split(/\s+/);
      const part = transform === 'firstWord' ? words[0] : words.slice(1).join(' ');
      return part ? part : null;
    }
  }
}

/** Evaluates one field mapping against a vendor user (before inventory type coercion). */
export function evaluateMapping(user: unknown, mapping: FieldMapping): unknown {
  let value: unknown = undefined;
  for (const path of mapping.from ?? []) {
    value = getPath(user, path);
    if (value !== undefined) break;
  }
  if (value === undefined) return mapping.default ?? null;
  if (mapping.transform) value = applyTransform(value, mapping.transform);
  if (mapping.equals !== undefined) return value === mapping.equals;
  return value;
}

// Deliberately permissive (vendors hold odd but deliverable addresses); rejects what cannot be one.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TEXT_FIELDS = ['externalId', 'email', 'username', 'firstName', 'lastName', 'role'] as const;

/** Trimmed text; numbers and booleans as written (a boolean "role" reads "true"); '' → null. */
function toText(value: unknown): string | null {
  const text =
    typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
  return text === '' ? null : text;
}

function toCustom(value: unknown, type: CustomFieldType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(toText(value) ?? NaN);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return toBoolean(value);
    case 'datetime':
      return toIsoDate(value);
    case 'string':
      return typeof value === 'object' ? value : toText(value);
  }
}

/** Field mappings by target: an inventory field or `custom.<key>`. */
export type RecordMappings = Readonly<Partial<Record<string, FieldMapping>>>;

/**
 * THE mapping of a vendor user onto the inventory, used by user loads and by every preview, so
 * a rule such as "last login more than 365 days ago" sees the same value everywhere. Unmapped or
 * absent fields are null; an email that cannot be one makes the record fail with the reason.
 */
export function mapRecord(user: unknown, mappings: RecordMappings, customFields: readonly CustomFieldRef[] = []): MapResult {
  const value = (target: string) => {
    const mapping = mappings[target];
    return mapping ? evaluateMapping(user, mapping) : null;
  };
  const record: MappedRecord = {
    externalId: null, email: null, username: null, firstName: null, lastName: null, role: null,
    active: toBoolean(value('active')),
    lastLoginAt: toIsoDate(value('lastLoginAt')),
    createdAt: toIsoDate(value('createdAt')),
    deactivatedAt: toIsoDate(value('deactivatedAt')),
    custom: {},
  };
  for (const field of TEXT_FIELDS) record[field] = toText(value(field));
  for (const def of customFields) {
    if (mappings[`custom.${def.key}`]) record.custom[def.key] = toCustom(value(`custom.${def.key}`), def.type);
  }
  if (record.email !== null) {
    record.email = record.email.toLowerCase();
    if (!EMAIL.test(record.email)) return { ok: false, reason: `invalid email: "${record.email}"`, record };
  }
  return { ok: true, record };
}
