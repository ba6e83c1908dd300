import type { InventoryField, InventoryRecord } from './inventory.schema';
import type { DefaultMapping, FieldMapping, Transform } from './preset.schema';

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

/** ISO string, epoch milliseconds or ASP.NET "/Date(ms)/" → ISO 8601; null when unparseable. */
export function toIsoDate(value: unknown): string | null {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && value.trim() !== '') {
    const asp = ASP_NET_DATE.exec(value.trim());
    ms = asp ? Number(asp[1]) : Date.parse(value);
  } else return null;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

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

function coerce(field: InventoryField, value: unknown): string | boolean | null {
  if (value === null || value === undefined) return null;
  if (field === 'active') return toBoolean(value);
  if (field === 'lastLoginAt' || field === 'createdAt' || field === 'deactivatedAt') return toIsoDate(value);
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return String(value);
  return null;
}

/**
 * Maps a vendor user onto the standard inventory fields. Unmapped or absent fields are null;
 * throws when the user has no external id (the caller reports the record as malformed).
 */
export function mapToInventory(mapping: DefaultMapping, user: unknown): InventoryRecord {
  const read = (field: InventoryField) => {
    const m = mapping[field];
    return m ? coerce(field, evaluateMapping(user, m)) : null;
  };
  const externalId = read('externalId');
  if (typeof externalId !== 'string') throw new Error('vendor user has no external id');
  return {
    externalId,
    email: read('email') as string | null,
    username: read('username') as string | null,
    firstName: read('firstName') as string | null,
    lastName: read('lastName') as string | null,
    role: read('role') as string | null,
    active: read('active') as boolean | null,
    lastLoginAt: read('lastLoginAt') as string | null,
    createdAt: read('createdAt') as string | null,
    deactivatedAt: read('deactivatedAt') as string | null,
  };
}
