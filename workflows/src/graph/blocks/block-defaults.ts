import type { ApiData } from './api.block';
import type { BeginData } from './begin.block';
import type { BlockType } from './block-type.schema';
import { DEFAULT_CAP } from './cap.schema';
import type { EndData } from './end.block';
import type { RoleRetrievalData } from './role-retrieval.block';
import type { RuleData } from './rule.block';

type Data = { begin: BeginData; rule: RuleData; roleRetrieval: RoleRetrievalData; api: ApiData; end: EndData };

/**
 * The `data` of a freshly dropped node, per block type. Ids the admin must choose (app, preset,
 * action, credential) start empty, so the compiler lists them as missing. Returns fresh copies.
 */
export function defaults<T extends BlockType>(type: T): Data[T] {
  const all: { [K in BlockType]: Data[K] } = {
    begin: { trigger: { kind: 'manual' }, population: { appId: '', rule: { match: 'all', clauses: [] } } },
    rule: { match: 'all', clauses: [{ field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 90 }] },
    roleRetrieval: { presetId: '', actionId: 'userRole', credentialId: '', deactivateIfNotFound: true },
    api: { presetId: '', actionId: '', credentialId: '', cap: { ...DEFAULT_CAP } },
    end: {},
  };
  return all[type];
}
