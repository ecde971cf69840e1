import type { AttrValue, Attributes } from './decoded-span.ts';

/**
 * Stores `value` under `key`. A key of `__proto__` is defined as an own property instead of
 * being assigned, so a hostile attribute name cannot change the object's prototype.
 */
export function setAttribute(target: Attributes, key: string, value: AttrValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
