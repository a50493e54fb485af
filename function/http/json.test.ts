import { describe, expect, it } from 'vitest';
import { strictJson } from './json.ts';

describe('reading JSON strictly', () => {
  it('reads what JSON.parse reads when every key is given once', () => {
    const text = '{"a":1,"b":[{"c":"x"},{"c":"y"}],"d":{"e":null,"f":"\\u00e9"}}';
    expect(strictJson(text)).toEqual(JSON.parse(text));
    expect(strictJson('[1,2]')).toEqual([1, 2]);
  });

  it('refuses a key given twice, at any depth, escaped or not', () => {
    for (const text of [
      '{"status":"closed","status":"received"}',
      '{"a":{"b":1,"b":2}}',
      '{"list":[{"x":1},{"x":1,"x":2}]}',
      '{"n\\u0061me":"a","name":"b"}',
      '{"__proto__":{},"__proto__":{}}',
    ])
      expect(strictJson(text), text).toBeUndefined();
  });

  it('refuses bad syntax and nesting deep enough to exhaust the stack, without throwing', () => {
    for (const text of ['', '{', '{"a":1,}', "{'a':1}", '{"a":1} x', `${'['.repeat(200_000)}${']'.repeat(200_000)}`])
      expect(strictJson(text)).toBeUndefined();
  });

  it('keeps the same key in sibling objects apart', () => {
    expect(strictJson('[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
