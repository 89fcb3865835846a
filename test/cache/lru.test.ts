import t from 'tap';
import { Lru } from '../../src/cache/lru.js';

t.test('counting entries: the least recently used goes first, and a read counts as a use', async (t) => {
  const lru = new Lru<string>(2);
  lru.set('a', 'A');
  lru.set('b', 'B');
  t.equal(lru.get('a'), 'A');
  lru.set('c', 'C');
  t.same([lru.has('a'), lru.has('b'), lru.has('c')], [true, false, true], 'b, unused since a was read, is dropped');
  t.equal(lru.weight, 2);
  t.equal(lru.delete('a'), true);
  t.equal(lru.delete('a'), false);
  t.equal(lru.weight, 1);
});

t.test('weighing values: the budget bounds their summed weight; one heavier than the budget is not kept', async (t) => {
  const lru = new Lru<Buffer>(10, (value) => value.length);
  lru.set('a', Buffer.alloc(4));
  lru.set('b', Buffer.alloc(4));
  lru.set('a', Buffer.alloc(5));
  t.equal(lru.weight, 9, 'replacing a value re-weighs it');
  lru.set('c', Buffer.alloc(3));
  t.same([lru.has('a'), lru.has('b'), lru.has('c')], [true, false, true]);
  t.equal(lru.weight, 8);
  lru.set('a', Buffer.alloc(11));
  t.same([lru.has('a'), lru.weight], [false, 3], 'a value over the budget replaces nothing and is not kept');
  lru.clear();
  t.same([lru.has('c'), lru.weight], [false, 0]);
});
