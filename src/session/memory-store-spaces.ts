import type { OnModuleDestroy } from '@nestjs/common';
import type { KeyValueStore } from './key-value.store';
import { MemoryKeyValueStore } from './memory-key-value.store';
import { STORE_SPACE_CAPS, StoreSpaces, type StoreSpace } from './store-spaces';

/** {@link StoreSpaces} in process memory: one bounded {@link MemoryKeyValueStore} per space. */
export class MemoryStoreSpaces extends StoreSpaces implements OnModuleDestroy {
  private readonly stores = new Map<StoreSpace, MemoryKeyValueStore>();

  constructor(
    private readonly caps: Readonly<Record<StoreSpace, number>> = STORE_SPACE_CAPS,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  override space(name: StoreSpace): KeyValueStore {
    let store = this.stores.get(name);
    if (store === undefined) {
      store = new MemoryKeyValueStore(this.caps[name], this.now);
      this.stores.set(name, store);
    }
    return store;
  }

  onModuleDestroy(): void {
    for (const store of this.stores.values()) store.onModuleDestroy();
  }
}
