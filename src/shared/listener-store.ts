/**
 * The one listener primitive of the codebase: a set of listeners, and on top of it a store of one
 * immutable value (the shape React's useSyncExternalStore reads). Used by the call engine's
 * snapshot, the widget's call session and the desk's event fan-out. Imports nothing, so server and
 * browser share it.
 */

/** Listeners of one kind of event. */
export interface Listeners<T> {
  /** Adds a listener; returns the function that removes it. */
  add(listener: (value: T) => void): () => void;
  /** Calls every listener (over a copy, so a listener may remove itself or others while called). */
  emit(value: T): void;
  readonly size: number;
  clear(): void;
}

/** A new, empty set of listeners. */
export function createListeners<T = void>(): Listeners<T> {
  const set = new Set<(value: T) => void>();
  return {
    add(listener) {
      set.add(listener);
      return () => void set.delete(listener);
    },
    emit(value) {
      for (const l of [...set]) l(value);
    },
    get size() {
      return set.size;
    },
    clear: () => set.clear(),
  };
}

/** One value, replaced (never mutated) by `set`, observed by `subscribe`. */
export interface Store<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
  /** Replaces the value and notifies, unless `next` is the current value itself. */
  set(next: T): void;
}

/** A store holding `initial` until the first `set`. */
export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = createListeners();
  return {
    get: () => value,
    subscribe: (listener) => listeners.add(listener),
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      listeners.emit();
    },
  };
}
