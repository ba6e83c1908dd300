import type { InventoryField } from './inventory.schema';
import type { DefaultMapping, FieldMapping, Transform, VendorField } from './preset.schema';

/**
 * Smart Mapping: proposes a mapping from a preset's vendor fields to the inventory fields by
 * name (key or display label, compared without case and punctuation) and type. Browser-safe, so
 * the mapping editor shows exactly what the server would store.
 */

const normalize = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

interface Rule {
  names: string[];
  types: VendorField['type'][];
  /** Transform by vendor type; omitted types use the default below. */
  transform?: Partial<Record<VendorField['type'], Transform>>;
}

const DEFAULT_TRANSFORM: Record<VendorField['type'], Transform> = {
  string: 'string',
  number: 'string',
  boolean: 'boolean',
  datetime: 'isoDate',
  list: 'list',
};

// Names in priority order: an exact id beats a looser synonym.
const RULES: Record<InventoryField, Rule[]> = {
  externalId: [{ names: ['id', '_id', 'userid', 'uid', 'login id'], types: ['string', 'number'] }],
  email: [{ names: ['email', 'emailaddress', 'mail', 'primaryemail', 'emails'], types: ['string', 'list'], transform: { list: 'primaryValue' } }],
  username: [{ names: ['username', 'userName', 'login', 'loginname', 'handle'], types: ['string'] }],
  firstName: [{ names: ['firstname', 'givenname', 'forename', 'namegivenname'], types: ['string'] }],
  lastName: [{ names: ['lastname', 'familyname', 'surname', 'namefamilyname'], types: ['string'] }],
  role: [{ names: ['role', 'accesslevel', 'accessrole', 'roles', 'usertype', 'type'], types: ['string', 'list'] }],
  active: [
    { names: ['active', 'isactive', 'enabled', 'isenabled'], types: ['boolean'] },
    { names: ['inactive', 'isinactive', 'disabled', 'isdisabled', 'deactivated', 'isdeactivated'], types: ['boolean'], transform: { boolean: 'not' } },
    { names: ['deactivatedat', 'deactivateddate', 'disabledat'], types: ['datetime'], transform: { datetime: 'isNull' } },
  ],
  lastLoginAt: [{ names: ['lastlogin', 'lastloginat', 'lastlogindate', 'lastsignin', 'lastsigninat', 'lastactive', 'lastseen'], types: ['datetime'] }],
  createdAt: [{ names: ['createdat', 'createddate', 'creationdate', 'createdate', 'datecreated', 'created'], types: ['datetime'] }],
  // Its usual source (Lever deactivatedAt) already feeds `active`, and Smart Mapping never maps a
  // field twice: the preset's default mapping carries it instead.
  deactivatedAt: [],
};

export interface SmartMappingResult {
  /** Proposed source for each inventory field that had a match. */
  mappings: Partial<Record<InventoryField, FieldMapping>>;
  /** Vendor fields nothing was mapped from: candidates for custom fields. */
  unmapped: VendorField[];
}

/**
 * With `defaults` (the preset's default mapping), every inventory field that no vendor field
 * matched by name takes the default's source, so Smart Mapping is never worse than the default:
 * the preset author vetted those sources, including the ones that feed two targets.
 */
export function smartMapping(fields: readonly VendorField[], defaults?: DefaultMapping): SmartMappingResult {
  const mappings: Partial<Record<InventoryField, FieldMapping>> = {};
  const used = new Set<string>();
  for (const [target, rules] of Object.entries(RULES) as [InventoryField, Rule[]][]) {
    match: for (const rule of rules) {
      const names = rule.names.map(normalize);
      for (const name of names) {
        const field = fields.find(
          (f) =>
            // A field only a per-user call returns would stay empty in every load.
            !f.needsDetailCall &&
            !used.has(f.key) &&
            rule.types.includes(f.type) &&
            (normalize(f.key) === name || normalize(f.label) === name),
        );
        if (!field) continue;
        used.add(field.key);
        const mapping: FieldMapping = { from: [field.key], transform: rule.transform?.[field.type] ?? DEFAULT_TRANSFORM[field.type] };
        // Legacy fields may be missing from responses; a null keeps the record valid.
        if (field.legacy) mapping.default = null;
        mappings[target] = mapping;
        break match;
      }
    }
  }
  for (const [target, mapping] of Object.entries(defaults ?? {}) as [InventoryField, FieldMapping | undefined][]) {
    if (!mapping || mappings[target]) continue;
    mappings[target] = mapping;
    for (const key of mapping.from ?? []) used.add(key);
  }
  return { mappings, unmapped: fields.filter((f) => !used.has(f.key)) };
}
