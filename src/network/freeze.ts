/**
 * Deep freezing, including `Map`s and `Set`s (which `Object.freeze` alone leaves mutable).
 */

function refuse(): never {
  throw new TypeError("this collection belongs to a loaded network and is read-only; copy it first (new Map(m))");
}

/** A `Map` whose contents are fixed at construction: `set`, `delete` and `clear` throw. */
export class FrozenMap<K, V> extends Map<K, V> {
  constructor(entries: Iterable<readonly [K, V]>) {
    super();
    // `super(entries)` would call the overridden `set`; fill through the base class instead.
    for (const [k, v] of entries) Map.prototype.set.call(this, k, v);
    Object.freeze(this);
  }
  override set(): this {
    return refuse();
  }
  override delete(): boolean {
    return refuse();
  }
  override clear(): void {
    refuse();
  }
}

/** A `Set` whose contents are fixed at construction: `add`, `delete` and `clear` throw. */
export class FrozenSet<T> extends Set<T> {
  constructor(values: Iterable<T>) {
    super();
    for (const v of values) Set.prototype.add.call(this, v);
    Object.freeze(this);
  }
  override add(): this {
    return refuse();
  }
  override delete(): boolean {
    return refuse();
  }
  override clear(): void {
    refuse();
  }
}

/** Freeze `value` and every plain object and array reachable from it; returns `value`. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
