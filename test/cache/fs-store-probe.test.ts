import t from 'tap';
import { FileStore } from '../../src/cache/fs-store.js';
import { tempDir } from '../helper.js';

t.test('a write probe answers for a second: pings in between share it', async (t) => {
  const store = await FileStore.open({ dir: tempDir(t), maxBytes: 1 << 20 });
  const first = store.ping();
  t.equal(store.ping(), first, 'the second ping reuses the first probe');
  await first;
  await new Promise((resolve) => setTimeout(resolve, 1100));
  t.not(store.ping(), first, 'a second later the store is probed again');
});
