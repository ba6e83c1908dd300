import type { CustomFieldRef } from './custom-field.schema';
import type { FieldType } from './operator.schema';

/** A field a rule clause can test, as the compiler and the canvas's field picker see it. */
export type RuleField = {
  path: string;
  label: string;
  type: FieldType;
  /** The closed list of an `enum` field. */
  values?: readonly string[];
  /** Set for `retrieval.*`: only valid after a Role Retrieval on every path. */
  upstream?: true;
};

const SAAS_USER_STATUSES = ['active', 'deactivated'] as const;
const PERSON_STATUSES = ['active', 'offboarded'] as const;

/** The built-in fields: the inventory's SaaS user and person columns and Role Retrieval output. */
export const BUILT_IN_FIELDS: readonly RuleField[] = [
  { path: 'saasUser.email', label: 'SaaS user email', type: 'string' },
  { path: 'saasUser.username', label: 'SaaS user username', type: 'string' },
  { path: 'saasUser.firstName', label: 'SaaS user first name', type: 'string' },
  { path: 'saasUser.lastName', label: 'SaaS user last name', type: 'string' },
  { path: 'saasUser.role', label: 'SaaS user role', type: 'string' },
  { path: 'saasUser.status', label: 'SaaS user status', type: 'enum', values: SAAS_USER_STATUSES },
  { path: 'saasUser.lastLoginAt', label: 'SaaS user last login', type: 'date' },
  { path: 'saasUser.vendorCreatedAt', label: 'SaaS user created (vendor)', type: 'date' },
  { path: 'saasUser.deactivatedAt', label: 'SaaS user deactivated at', type: 'date' },
  { path: 'saasUser.externalId', label: 'SaaS user vendor id', type: 'string' },
  { path: 'person.email', label: 'Person email', type: 'string' },
  { path: 'person.status', label: 'Person status', type: 'enum', values: PERSON_STATUSES },
  { path: 'person.role', label: 'Person role', type: 'string' },
  { path: 'person.offboardedAt', label: 'Person offboarded at', type: 'date' },
  { path: 'retrieval.role', label: 'Retrieved role', type: 'string', upstream: true },
  { path: 'retrieval.found', label: 'Retrieved user found?', type: 'boolean', upstream: true },
];

const CUSTOM_TYPES = { string: 'string', number: 'number', boolean: 'boolean', datetime: 'date' } as const;

/**
 * Every field a rule may use for SaaS users of `appId`: the built-ins, `saasUser.custom.<key>`
 * for that app's and the global custom fields, and `person.custom.<key>` for the global ones.
 */
export function ruleFields(customFields: readonly CustomFieldRef[], appId: string | undefined): RuleField[] {
  const custom = (entity: 'saasUser' | 'person', fields: readonly CustomFieldRef[]) =>
    fields.map((f): RuleField => ({ path: `${entity}.custom.${f.key}`, label: f.label, type: CUSTOM_TYPES[f.type] }));
  const global = customFields.filter((f) => f.appId === undefined);
  const ofApp = customFields.filter((f) => f.appId !== undefined && f.appId === appId);
  return [...BUILT_IN_FIELDS, ...custom('saasUser', [...ofApp, ...global]), ...custom('person', global)];
}
