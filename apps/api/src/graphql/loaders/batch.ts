import DataLoader from 'dataloader';

/** A DataLoader over a batch function that answers with a Map: missing keys resolve to `fallback`. */
export function mapLoader<V>(
  batch: (keys: readonly string[]) => Promise<Map<string, V>>,
  fallback: V,
): DataLoader<string, V> {
  return new DataLoader(async (keys) => {
    const found = await batch(keys);
    return keys.map((key) => (found.has(key) ? (found.get(key) as V) : fallback));
  });
}
