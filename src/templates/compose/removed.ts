/**
 * What sanitising took out of an HTML body, aggregated by kind and name, so the API can tell the
 * user ("2 onclick attributes, 1 script element") instead of silently changing their template.
 * css: a CSS construct removed from a `<style>` block or a style attribute (`@import`).
 */
export interface RemovedItem {
  kind: 'element' | 'attribute' | 'url' | 'css';
  name: string;
  count: number;
}

/** Counts removals during one sanitise call; `items()` lists them in the order first seen. */
export interface RemovalTally {
  add(kind: RemovedItem['kind'], name: string): void;
  items(): RemovedItem[];
}

export function createRemovalTally(): RemovalTally {
  const counts = new Map<string, RemovedItem>();
  return {
    add(kind, name) {
      const key = `${kind}\u0000${name}`;
      const hit = counts.get(key);
      if (hit) hit.count++;
      else counts.set(key, { kind, name, count: 1 });
    },
    items: () => [...counts.values()].map((item) => ({ ...item })),
  };
}
