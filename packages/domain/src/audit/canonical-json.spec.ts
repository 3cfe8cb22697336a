import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys, so key order does not change the output', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ c: 3, a: 2, b: 1 })).toBe(canonicalJson({ a: 2, b: 1, c: 3 }));
  });

  it('sorts keys of nested objects, including objects inside arrays', () => {
    const one = { z: { y: 1, x: [{ b: 2, a: 1 }] }, a: null };
    const two = { a: null, z: { x: [{ a: 1, b: 2 }], y: 1 } };
    expect(canonicalJson(one)).toBe('{"a":null,"z":{"x":[{"a":1,"b":2}],"y":1}}');
    expect(canonicalJson(two)).toBe(canonicalJson(one));
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson(['b', 'a'])).not.toBe(canonicalJson(['a', 'b']));
  });

  it('drops undefined object members, and writes undefined array items as null', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson([1, undefined, 2])).toBe('[1,null,2]');
  });

  it('writes dates as ISO strings, anywhere in the value', () => {
    const at = new Date('2026-01-05T09:00:00Z');
    expect(canonicalJson(at)).toBe('"2026-01-05T09:00:00.000Z"');
    expect(canonicalJson({ at })).toBe('{"at":"2026-01-05T09:00:00.000Z"}');
  });

  it.each<[unknown, string]>([
    [null, 'null'],
    [undefined, 'null'],
    [42, '42'],
    [true, 'true'],
    ['Hà Nội "quoted"', '"Hà Nội \\"quoted\\""'],
    [{}, '{}'],
    [[], '[]'],
  ])('serialises %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('has no whitespace between tokens', () => {
    expect(canonicalJson({ a: [1, { b: 'x y' }] })).toBe('{"a":[1,{"b":"x y"}]}');
  });

  it('gives parseable JSON equal to the input for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('is the same for an object whatever order its keys were inserted in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(dict));
      }),
    );
  });
});
