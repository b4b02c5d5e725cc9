import { z } from 'zod';
import { isGroupNode, MAX_DEPTH, MAX_RULES, type FilterGroup, type FilterNode } from './filter.types.ts';

/**
 * The shape of a filter tree (for request bodies, stored queries and the OpenAPI document): groups
 * of rules, at most MAX_DEPTH groups deep and MAX_RULES rules in all. It checks structure only;
 * whether a field, operator and value make sense is `validateFilter`'s job, which uses the catalogue.
 */
export const filterRuleSchema = z.strictObject({
  field: z.string().max(200),
  operator: z.string().max(100),
  value: z.unknown().optional(),
});

export const filterGroupSchema: z.ZodType<FilterGroup> = z.lazy(() =>
  z.strictObject({
    op: z.enum(['and', 'or']),
    rules: z.array(z.union([filterRuleSchema, filterGroupSchema])),
  }),
);

/** A whole tree: the shape, plus the depth and size limits (counted once over the tree). */
export const filterTreeSchema = filterGroupSchema.superRefine((tree, ctx) => {
  const { depth, rules } = measure(tree);
  if (depth > MAX_DEPTH)
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `Groups are nested ${depth} deep; at most ${MAX_DEPTH} levels are allowed.`,
      params: { problem: 'too_deep' },
    });
  if (rules > MAX_RULES)
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `The query has ${rules} rules; at most ${MAX_RULES} are allowed.`,
      params: { problem: 'too_many_rules' },
    });
});

/** How deep the groups go (the root is 1) and how many rules there are. */
export function measure(group: FilterGroup): { depth: number; rules: number } {
  let depth = 1;
  let rules = 0;
  const walk = (nodes: FilterNode[], level: number) => {
    depth = Math.max(depth, level);
    for (const n of nodes) {
      if (isGroupNode(n)) walk(n.rules, level + 1);
      else rules++;
    }
  };
  walk(group.rules, 1);
  return { depth, rules };
}
