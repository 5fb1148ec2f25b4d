// Process-wide, not module-wide: dev hot-reload re-evaluates modules, and the proxy, the pages and the production
// server's own request paths load the same module in separate bundles inside one process. A module-level `let`
// would hold one copy per bundle (a pool each, a relay each); a slot on globalThis holds one per process.
type Slots = Record<symbol, unknown>;

const slots = globalThis as unknown as Slots;
const slot = (key: string) => Symbol.for(`markid-back-office.${key}`);

/**
 * The process's one value under `key`, made by `create` on first use. A promise that rejects is forgotten, so
 * a failed start (database down, say) does not stick: the next caller tries again.
 */
export function processWide<T>(key: string, create: () => T): T {
  const id = slot(key);
  if (id in slots) return slots[id] as T;
  const value = create();
  slots[id] = value;
  if (value instanceof Promise)
    value.catch(() => {
      if (slots[id] === value) delete slots[id];
    });
  return value;
}

/** The value under `key` if one was made, without making one. */
export function peekProcessWide<T>(key: string): T | undefined {
  return slots[slot(key)] as T | undefined;
}

/** Forgets the value under `key` (the next processWide() makes a new one) and returns it, to close it. */
export function forgetProcessWide<T>(key: string): T | undefined {
  const id = slot(key);
  const value = slots[id] as T | undefined;
  delete slots[id];
  return value;
}
