/**
 * Graph algorithms behind the schema review, over a plain adjacency map
 * (table → the tables its foreign keys point at). Pure and deterministic: every
 * iteration is over sorted names, so the same schema always gives the same report.
 */
export type DependencyGraph = Map<string, Set<string>>;

/** Strongly connected components (Tarjan, iterative so deep FK chains cannot overflow the stack). */
export function stronglyConnected(graph: DependencyGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const sorted = (n: string) => [...(graph.get(n) ?? [])].filter((m) => graph.has(m)).sort();

  for (const root of [...graph.keys()].sort()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; edges: string[]; i: number }> = [];
    const enter = (node: string) => {
      index.set(node, next);
      low.set(node, next);
      next++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: sorted(node), i: 0 });
    };
    enter(root);
    while (work.length) {
      const frame = work[work.length - 1];
      if (frame.i < frame.edges.length) {
        const to = frame.edges[frame.i++];
        if (!index.has(to)) enter(to);
        else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components;
}

/**
 * Elementary cycles inside one component, each starting at its alphabetically first table
 * (so `a → b → a` is reported once, not also as `b → a → b`). Capped: a dense tangle of
 * foreign keys has exponentially many cycles, and a reader needs a few named, not all.
 */
export function cyclesWithin(component: string[], graph: DependencyGraph, cap = 20): string[][] {
  const members = new Set(component);
  const order = [...component].sort();
  const cycles: string[][] = [];
  for (let s = 0; s < order.length && cycles.length < cap; s++) {
    const start = order[s];
    const allowed = new Set(order.slice(s));
    const path: string[] = [start];
    const onPath = new Set([start]);
    const walk = (node: string): void => {
      for (const to of [...(graph.get(node) ?? [])].sort()) {
        if (cycles.length >= cap) return;
        if (!members.has(to) || !allowed.has(to)) continue;
        if (to === start && path.length > 1) cycles.push([...path]);
        else if (!onPath.has(to) && to !== start) {
          path.push(to);
          onPath.add(to);
          walk(to);
          path.pop();
          onPath.delete(to);
        }
      }
    };
    walk(start);
  }
  return cycles.sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
}

/**
 * Creation levels over the condensation: level 0 holds tables (or cyclic groups) with no
 * dependencies, level n those whose dependencies all sit in earlier levels.
 */
export function dependencyLevels(graph: DependencyGraph, components: string[][]): string[][][] {
  const componentOf = new Map<string, number>();
  components.forEach((c, i) => {
    for (const t of c) componentOf.set(t, i);
  });
  const level = new Array<number>(components.length).fill(-1);
  const levelOf = (i: number, seen: Set<number>): number => {
    if (level[i] >= 0) return level[i];
    seen.add(i);
    let l = 0;
    for (const t of components[i]) {
      for (const dep of graph.get(t) ?? []) {
        const j = componentOf.get(dep);
        if (j === undefined || j === i || seen.has(j)) continue;
        l = Math.max(l, levelOf(j, seen) + 1);
      }
    }
    level[i] = l;
    return l;
  };
  components.forEach((_, i) => {
    levelOf(i, new Set());
  });
  const levels: string[][][] = [];
  components.forEach((c, i) => {
    (levels[level[i]] ??= []).push(c);
  });
  return levels.map((groups) => groups.sort((a, b) => a[0].localeCompare(b[0])));
}
