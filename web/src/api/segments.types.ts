/** Saved queries ("Fetch"): mirrors src/segments/saved-queries.schemas.ts and filter.types.ts. */

export type FieldType = 'text' | 'enum' | 'number' | 'date' | 'days_ago' | 'boolean';
export type FieldEntity = 'customer' | 'vehicle' | 'visit' | 'appointment' | 'deal' | 'contact';

export interface Label {
  en: string;
  fr: string;
}

/** One entry of GET /api/segment-fields. */
export interface SegmentField {
  key: string;
  /** The entity the field belongs to (customer, vehicle, visit, appointment, deal, contact). */
  group: string;
  label: Label;
  help: Label | null;
  type: FieldType;
  typeName: string;
  operators: string[];
  values: { value: string; label: Label }[] | null;
  integer: boolean | null;
  min: number | null;
  max: number | null;
  unit: 'days' | 'km' | 'money' | null;
}

export type GroupOp = 'and' | 'or';

/** A filter rule as the API takes it: `{ field: 'vehicle.make', operator: 'is', value: 'Honda' }`. */
export interface FilterRule {
  field: string;
  operator: string;
  value?: unknown;
}

export interface FilterGroup {
  op: GroupOp;
  rules: FilterNode[];
}

export type FilterNode = FilterRule | FilterGroup;

/** One reason a filter was refused (a 422 'segment_invalid'); `path` is like 'rules[0].rules[1].value'. */
export interface FilterProblem {
  path: string;
  code: string;
  message: string;
}

export interface PreviewInput {
  filter: FilterGroup;
  /** The as-of time (ISO with offset); now when left out. */
  at?: string;
  sampleSize?: number;
}

export interface SampleCustomer {
  id: number;
  name: string;
  city: string | null;
  /** 'YYYY-MM-DD' of the latest service-department visit. */
  lastServiceOn: string | null;
}

export interface PreviewResult {
  count: number;
  sample: SampleCustomer[];
}

export interface QuerySummary {
  id: number;
  storeId: number;
  name: string;
  description: string | null;
  archived: boolean;
  updatedAt: string;
}

export interface QueryDetail extends QuerySummary {
  /** The tree as saved; checked when read (see filter-tree.ts fromApiFilter). */
  filter: unknown;
  createdBy: number | null;
  updatedBy: number | null;
  createdAt: string;
}

export interface QueryInput {
  name: string;
  description: string | null;
  filter: FilterGroup;
}

export interface QueryPatch {
  name?: string;
  description?: string | null;
  filter?: FilterGroup;
  archived?: boolean;
}
