/**
 * The merge-tag catalogue: every value a template may use, with its Liquid path, labels, type,
 * sample value and the seed-style aliases (`<Mailing Name>`) that convert to it. It is the single
 * source for validation (template.validate.ts), seed-tag conversion (seed-tags.rules.ts), sample
 * previews and the UI's tag picker. Pure data; no I/O.
 */

export type Language = 'en' | 'fr';

/**
 * How a value is stored in the merge context and which filters suit it:
 * - text: a string (or null);
 * - date: a calendar date 'YYYY-MM-DD' in the store's time zone (format with `date_long` / `date_short`);
 * - datetime: an ISO 8601 instant (format with `time`, `date_long`, `date_short` in the store's zone);
 * - phone: E.164 or the number as recorded (format with `phone`);
 * - url: an absolute URL or a `mailto:` address;
 * - list: an array of strings (index it, `join` it or loop over it with `for`).
 */
export type MergeTagType = 'text' | 'date' | 'datetime' | 'phone' | 'url' | 'list';

export type MergeTagGroup = 'customer' | 'vehicle' | 'store' | 'appointment' | 'visit' | 'salesperson' | 'message';

export interface MergeTagDefinition {
  /** Liquid path, e.g. 'customer.mailing_name'. */
  readonly path: string;
  readonly group: MergeTagGroup;
  readonly label: { readonly en: string; readonly fr: string };
  readonly type: MergeTagType;
  /** A sample value, in the shape the merge context holds (see MergeTagType). */
  readonly sample: string | readonly string[];
  /** What the picker inserts: the path with the filter that suits its type. */
  readonly insert: string;
  /**
   * Seed-style tags (compared case-insensitively, inner spaces collapsed) and the Liquid each
   * becomes. Most map to `insert`; list items map to an index (`<deferred item 1>`).
   */
  readonly aliases: readonly { readonly seed: string; readonly liquid: string }[];
}

const out = (expr: string) => `{{ ${expr} }}`;

/** One catalogue entry; `insert` defaults to the bare path with the type's usual filter. */
function tag(
  path: string,
  group: MergeTagGroup,
  type: MergeTagType,
  en: string,
  fr: string,
  sample: string | readonly string[],
  seeds: readonly string[] = [],
): MergeTagDefinition {
  const insert = out(defaultExpression(path, type));
  return {
    path,
    group,
    type,
    label: { en, fr },
    sample,
    insert,
    aliases: seeds.map((seed) => ({ seed, liquid: insert })),
  };
}

function defaultExpression(path: string, type: MergeTagType): string {
  switch (type) {
    case 'date':
      return `${path} | date_long`;
    case 'datetime':
      return `${path} | time`;
    case 'phone':
      return `${path} | phone`;
    case 'list':
      return `${path} | join: ", "`;
    case 'text':
    case 'url':
      return path;
  }
}

const DEFERRED_SAMPLE = ['Replace front brake pads', 'Replace cabin air filter', 'Rotate tires'] as const;

/** The catalogue, in picker order. */
export const MERGE_TAGS: readonly MergeTagDefinition[] = [
  tag('customer.first_name', 'customer', 'text', 'First name', 'Prénom', 'Marie', ['<first name>']),
  tag('customer.last_name', 'customer', 'text', 'Last name', 'Nom', 'Tremblay', ['<last name>']),
  tag('customer.name', 'customer', 'text', 'Full name', 'Nom complet', 'Marie Tremblay', ['<customer name>']),
  tag('customer.mailing_name', 'customer', 'text', 'Mailing name', 'Nom pour l’envoi', 'Mrs. Marie Tremblay', [
    '<Mailing Name>',
    '<mailing name>',
  ]),
  tag('vehicle.year', 'vehicle', 'text', 'Vehicle year', 'Année du véhicule', '2021', ['<year>']),
  tag('vehicle.make', 'vehicle', 'text', 'Vehicle make', 'Marque du véhicule', 'Toyota', ['<make>']),
  tag('vehicle.model', 'vehicle', 'text', 'Vehicle model', 'Modèle du véhicule', 'RAV4', ['<model>']),
  tag('vehicle.plate', 'vehicle', 'text', 'Licence plate', 'Plaque d’immatriculation', 'CDEF 123', ['<plate>']),
  tag('store.name', 'store', 'text', 'Business name', 'Nom de l’entreprise', 'Maple Motors', ['<Business Name>']),
  tag('store.owner_name', 'store', 'text', 'Business owner', 'Responsable', 'Jean Gagnon', ['<Business Owner>']),
  tag('store.phone', 'store', 'phone', 'Business phone', 'Téléphone de l’entreprise', '+14165550123', [
    '<phone>',
    '<business phone>',
  ]),
  tag('store.email', 'store', 'text', 'Business e-mail', 'Courriel de l’entreprise', 'service@maplemotors.example', [
    '<email>',
    '<business email>',
  ]),
  tag(
    'store.feedback_url',
    'store',
    'url',
    'Feedback link (URL or mailto:)',
    'Lien de rétroaction (URL ou mailto:)',
    'https://maplemotors.example/feedback',
    ['<URL / Email Feedback>', '<feedback>'],
  ),
  tag('appointment.date', 'appointment', 'date', 'Appointment date', 'Date du rendez-vous', '2026-12-03', [
    '<appointment date>',
  ]),
  tag(
    'appointment.time',
    'appointment',
    'datetime',
    'Appointment time',
    'Heure du rendez-vous',
    '2026-12-03T14:30:00.000Z',
    ['<appointment time>'],
  ),
  tag('visit.date', 'visit', 'date', 'Last service date', 'Date du dernier entretien', '2026-06-15', [
    '<last service date>',
  ]),
  {
    path: 'deferred_items',
    group: 'visit',
    type: 'list',
    label: { en: 'Deferred items', fr: 'Travaux reportés' },
    sample: DEFERRED_SAMPLE,
    insert: out('deferred_items | join: ", "'),
    aliases: [
      { seed: '<deferred items>', liquid: out('deferred_items | join: ", "') },
      ...[1, 2, 3].map((n) => ({ seed: `<deferred item ${n}>`, liquid: out(`deferred_items[${n - 1}]`) })),
    ],
  },
  tag('salesperson.name', 'salesperson', 'text', 'Salesperson', 'Représentant', 'Luc Bergeron', ['<salesperson>']),
  tag(
    'unsubscribe_url',
    'message',
    'url',
    'Unsubscribe link',
    'Lien de désabonnement',
    'https://forecourt.example/u/abc123',
    ['<unsubscribe>'],
  ),
];

const BY_PATH: ReadonlyMap<string, MergeTagDefinition> = new Map(MERGE_TAGS.map((t) => [t.path, t]));

/** The catalogue entry for a Liquid path ('customer.first_name'), or undefined. */
export function mergeTag(path: string): MergeTagDefinition | undefined {
  return BY_PATH.get(path);
}

/** Normalises a seed tag for lookup: lower case, inner whitespace collapsed, brackets kept. */
export function normaliseSeedTag(seed: string): string {
  return `<${seed.replace(/^<|>$/g, '').trim().replace(/\s+/g, ' ').toLowerCase()}>`;
}

const BY_SEED: ReadonlyMap<string, string> = new Map(
  MERGE_TAGS.flatMap((t) => t.aliases.map((a) => [normaliseSeedTag(a.seed), a.liquid] as const)),
);

/** The Liquid for a seed-style tag ('<Mailing Name>', any case), or undefined when unknown. */
export function liquidForSeedTag(seed: string): string | undefined {
  return BY_SEED.get(normaliseSeedTag(seed));
}

const GROUP_LABELS: Record<MergeTagGroup, { en: string; fr: string }> = {
  customer: { en: 'Customer', fr: 'Client' },
  vehicle: { en: 'Vehicle', fr: 'Véhicule' },
  store: { en: 'Signature', fr: 'Signature' },
  appointment: { en: 'Appointment', fr: 'Rendez-vous' },
  visit: { en: 'Last visit', fr: 'Dernière visite' },
  salesperson: { en: 'Salesperson', fr: 'Représentant' },
  message: { en: 'Message', fr: 'Message' },
};

export interface TagPickerItem {
  path: string;
  label: string;
  type: MergeTagType;
  /** The text to insert at the cursor. */
  insert: string;
  sample: string | readonly string[];
}

export interface TagPickerGroup {
  group: MergeTagGroup;
  label: string;
  tags: TagPickerItem[];
}

/** The tag picker's list, grouped in catalogue order and labelled in the user's language. */
export function tagPickerGroups(language: Language): TagPickerGroup[] {
  const groups = new Map<MergeTagGroup, TagPickerGroup>();
  for (const t of MERGE_TAGS) {
    let g = groups.get(t.group);
    if (!g) {
      g = { group: t.group, label: GROUP_LABELS[t.group][language], tags: [] };
      groups.set(t.group, g);
    }
    g.tags.push({ path: t.path, label: t.label[language], type: t.type, insert: t.insert, sample: t.sample });
  }
  return [...groups.values()];
}
