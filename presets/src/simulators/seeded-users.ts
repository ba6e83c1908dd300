import type { SimUserState } from './sim-common';
import { hash32, prng } from './seeded-random';

/**
 * Deterministic, lazily generated users for the simulators. A user is a pure function of
 * (seed, index), so 100k users cost nothing until listed; only changes (patches, replacements,
 * deletions) are stored.
 */

/** Picks from [value, weight] pairs. */
export function pickWeighted<T>(rand: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [value, weight] of choices) {
    r -= weight;
    if (r < 0) return value;
  }
  return (choices[choices.length - 1] as readonly [T, number])[0];
}

const FIRST = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Amelia', 'Oliver', 'Sophia', 'Elijah', 'Mia', 'Lucas', 'Harper', 'Mateo',
  'Aisha', 'Yuki', 'Priya', 'Chen', 'Fatima', 'Kwame', 'Ingrid', 'Diego', 'Zara', 'Tomasz', 'Leila', 'Hiroshi',
  'Janine', 'Paul', 'Grace', 'Omar', 'Nadia', 'Felix', 'Chloe', 'Arjun', 'Elena', 'Samuel', 'Freya', 'Mohammed',
];
const LAST = [
  'Smith', 'Johnson', 'Garcia', 'Müller', 'Rossi', 'Kowalski', 'Nguyen', 'Kim', 'Patel', 'Okafor', 'Silva', 'Dubois',
  'Hirst', 'Butcher', 'Andersson', 'Tanaka', 'Haddad', 'Novak', "O'Brien", 'Fernández', 'Schmidt', 'Costa', 'Ivanova',
  'Walker', 'Chen', 'Murphy', 'Jensen', 'Rahman', 'Moreau', 'Lopez', 'Bauer', 'Santos', 'Yilmaz', 'Mensah', 'Lee',
];
const TITLES = ['Engineer', 'Account Executive', 'Recruiter', 'Designer', 'Support Specialist', 'Manager', 'Analyst', null];
const TIME_ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney'];

/** The vendor-neutral facts of one seeded user; vendor simulators render them in their shape. */
export interface SeededUser {
  index: number;
  firstName: string;
  lastName: string;
  email: string;
  username: string;
  /** Index into the vendor's weighted role list, picked by the vendor simulator. */
  roll: number;
  active: boolean;
  /** Epoch ms, or null for users who never logged in. */
  lastLoginMs: number | null;
  createdMs: number;
  jobTitle: string | null;
  timeZone: string;
  /** Old record (vendors with legacy fields serve them only for these). */
  legacy: boolean;
}

const DAY = 86_400_000;

/** One user of a seeded population: ~12 % inactive, ~8 % never logged in, logins spread over ~14 months. */
export function seededUser(seed: number, index: number, referenceMs: number, domain: string): SeededUser {
  const rand = prng(hash32(seed, index, 0x5eed));
  const firstName = FIRST[Math.floor(rand() * FIRST.length)] as string;
  const lastName = LAST[Math.floor(rand() * LAST.length)] as string;
  const slug = `${firstName}.${lastName}`
    .normalize('NFD')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase();
  const active = rand() >= 0.12;
  const createdMs = referenceMs - Math.floor((30 + rand() * 2000) * DAY);
  const neverLoggedIn = rand() < 0.08;
  // Squaring skews logins towards recent days while keeping a long stale tail.
  const daysAgo = rand() ** 2 * 420;
  const lastLoginMs = neverLoggedIn ? null : Math.max(createdMs, referenceMs - Math.floor(daysAgo * DAY));
  return {
    index,
    firstName,
    lastName,
    email: `${slug}${index}@${domain}`,
    username: `${slug}${index}`,
    roll: rand(),
    active,
    lastLoginMs,
    createdMs,
    jobTitle: TITLES[Math.floor(rand() * TITLES.length)] ?? null,
    timeZone: TIME_ZONES[Math.floor(rand() * TIME_ZONES.length)] as string,
    legacy: createdMs < referenceMs - 900 * DAY,
  };
}

/** Start of the current UTC day: the default reference for "days since last login". */
export function todayUtcMs(): number {
  const now = Date.now();
  return now - (now % DAY);
}

/**
 * The mutable population: positions skip deleted users, changes are stored per index.
 * `render` turns (generated user, stored change) into the vendor's JSON shape.
 */
export class UserStore<T extends Record<string, unknown>> {
  private readonly deletedSorted: number[] = [];
  private readonly deleted = new Set<number>();
  private readonly replaced = new Map<number, T>();

  constructor(
    readonly count: number,
    private readonly generate: (index: number) => T,
  ) {}

  /** Users not deleted. */
  get size(): number {
    return this.count - this.deleted.size;
  }

  has(index: number): boolean {
    return Number.isInteger(index) && index >= 0 && index < this.count && !this.deleted.has(index);
  }

  /** The current vendor-shaped user at this index (a copy), or undefined when deleted/out of range. */
  get(index: number): T | undefined {
    if (!this.has(index)) return undefined;
    const stored = this.replaced.get(index);
    return stored ? structuredClone(stored) : this.generate(index);
  }

  /** Replaces the stored user (a PUT of the full object, or a partial update merged by the caller). */
  set(index: number, user: T): void {
    if (this.has(index)) this.replaced.set(index, structuredClone(user));
  }

  delete(index: number): boolean {
    if (!this.has(index)) return false;
    this.deleted.add(index);
    this.replaced.delete(index);
    let lo = 0;
    let hi = this.deletedSorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.deletedSorted[mid] as number) < index) lo = mid + 1;
      else hi = mid;
    }
    this.deletedSorted.splice(lo, 0, index);
    return true;
  }

  private deletedUpTo(index: number): number {
    let lo = 0;
    let hi = this.deletedSorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.deletedSorted[mid] as number) <= index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of the user at a position among living users, or undefined past the end. */
  indexAt(position: number): number | undefined {
    if (position < 0 || position >= this.size) return undefined;
    let i = position;
    for (;;) {
      const target = position + this.deletedUpTo(i);
      if (target === i) {
        if (!this.deleted.has(i)) return i;
        i += 1;
      } else i = target;
    }
  }

  /** Living indices from a position on, in order. */
  *indicesFrom(position: number): Generator<number> {
    let i = this.indexAt(position);
    if (i === undefined) return;
    for (; i < this.count; i++) if (!this.deleted.has(i)) yield i;
  }
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Reversible id codecs: the index is readable from the id, the rest looks random per seed. */
export const ids = {
  /** 12-character Litmos-style id: base62 index (6) + seeded noise (6). */
  litmos(seed: number, index: number): string {
    let head = '';
    for (let n = index, i = 0; i < 6; i++, n = Math.floor(n / 62)) head = B62[n % 62] + head;
    let tail = '';
    for (let h = hash32(seed, index, 1), i = 0; i < 6; i++, h = Math.floor(h / 62)) tail += B62[h % 62];
    return head + tail;
  },
  litmosIndex(id: string): number {
    if (!/^[0-9A-Za-z]{12}$/.test(id)) return -1;
    return [...id.slice(0, 6)].reduce((n, c) => n * 62 + B62.indexOf(c), 0);
  },
  /** UUID v4-shaped id whose last group is the index. */
  uuid(seed: number, index: number): string {
    const h = hash32(seed, index, 2).toString(16).padStart(8, '0');
    const g = hash32(seed, index, 3).toString(16).padStart(8, '0');
    return `${h}-${g.slice(0, 4)}-4${g.slice(4, 7)}-8${h.slice(0, 3)}-${index.toString(16).padStart(12, '0')}`;
  },
  uuidIndex(id: string): number {
    const m = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-([0-9a-f]{12})$/.exec(id);
    return m?.[1] ? parseInt(m[1], 16) : -1;
  },
  /** 24-hex Mongo-style id (Planhat `_id`). */
  objectId(seed: number, index: number): string {
    return hash32(seed, index, 4).toString(16).padStart(8, '0') + index.toString(16).padStart(16, '0');
  },
  objectIdIndex(id: string): number {
    return /^[0-9a-f]{24}$/.test(id) ? parseInt(id.slice(8), 16) : -1;
  },
};

/** Resolves an id to a living index, checking that the id is exactly the one generated. */
export function indexOfId(store: UserStore<Record<string, unknown>>, id: string, decode: (id: string) => number, encode: (index: number) => string): number | undefined {
  const index = decode(id);
  return index >= 0 && store.has(index) && encode(index) === id ? index : undefined;
}

/**
 * The `state` view every simulator hands to tests: users present, by position or by vendor id.
 * `idOf` turns a store index into the vendor's id; `find` does the reverse.
 */
export function userStateOf<T extends Record<string, unknown>>(
  store: UserStore<T>,
  idOf: (index: number) => string,
  find: (id: string) => number | undefined,
): SimUserState {
  return {
    get size() {
      return store.size;
    },
    idAt: (position) => {
      const i = store.indexAt(position);
      return i === undefined ? undefined : idOf(i);
    },
    get: (id) => {
      const i = find(id);
      return i === undefined ? undefined : store.get(i);
    },
  };
}
