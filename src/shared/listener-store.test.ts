import { describe, expect, it } from 'vitest';
import { createListeners, createStore } from './listener-store';

describe('listener store', () => {
  it('calls every listener, lets one remove itself while called, and removes by the returned function', () => {
    const l = createListeners<number>();
    const seen: string[] = [];
    const offA = l.add((v) => {
      seen.push(`a${v}`);
      offA();
    });
    const offB = l.add((v) => seen.push(`b${v}`));
    l.emit(1);
    l.emit(2);
    offB();
    l.emit(3);
    expect(seen).toEqual(['a1', 'b1', 'b2']);
    expect(l.size).toBe(0);
  });

  it('a store notifies only when the value is replaced by another', () => {
    const s = createStore({ n: 0 });
    let calls = 0;
    s.subscribe(() => calls++);
    s.set(s.get());
    expect(calls).toBe(0);
    s.set({ n: 1 });
    expect(s.get()).toEqual({ n: 1 });
    expect(calls).toBe(1);
  });
});
