/**
 * The saved-query field catalogue: every field a filter rule may name, with its labels, type,
 * operators and allowed values. It is the single source for validation (filter.validate.ts), SQL
 * (filter.sql.ts must map every key, which the compiler enforces) and the query builder's pickers.
 * Pure data; no I/O, safe to import from the web app.
 *
 * How related data reads (the same way a dealer reads the sentence):
 * - vehicle.* fields describe one vehicle: the customer matches when they have at least one vehicle
 *   such that the rule holds. Several vehicle rules side by side in one AND group must hold for the
 *   SAME vehicle: "make is Honda AND year between 2015 and 2019" is a 2015–2019 Honda, not a Honda
 *   plus some other 2017 car. Rules in different groups, or joined by OR, are separate vehicles.
 *   A customer without vehicles matches no vehicle rule, negative ones included.
 * - visit.date, visit.department and visit.deferred_item describe one visit (repair order) in the
 *   same way, so "deferred item contains brake AND visit date less than 365 days ago" is a visit in
 *   the last year with brake work deferred. visit.deferred_item looks at ANY visit's deferred items,
 *   not only the last visit's; pair it with visit.date to ask for recent ones.
 * - deal.sale_type describes one deal likewise.
 * - The other visit, appointment, deal and contact fields summarise all of the customer's rows
 *   (the latest date, a count, a total) and stand on their own.
 */
import type {
  BooleanOperator,
  DateOperator,
  DaysAgoOperator,
  EnumOperator,
  FieldType,
  NumberOperator,
  TextOperator,
} from './filter.types.ts';
import {
  BOOLEAN_OPERATORS,
  DATE_OPERATORS,
  DAYS_AGO_OPERATORS,
  ENUM_OPERATORS,
  NUMBER_OPERATORS,
  TEXT_OPERATORS,
} from './filter.types.ts';

export type Language = 'en' | 'fr';
export interface Label {
  readonly en: string;
  readonly fr: string;
}

export type FieldEntity = 'customer' | 'vehicle' | 'visit' | 'appointment' | 'deal' | 'contact';

/** The keys in the order the builder lists them. */
export const FIELD_KEYS = [
  'customer.language',
  'customer.city',
  'customer.region',
  'customer.postal_code',
  'customer.type',
  'customer.is_prospect',
  'customer.day_preference',
  'customer.created_at',
  'vehicle.make',
  'vehicle.model',
  'vehicle.year',
  'vehicle.odometer',
  'vehicle.contact_off',
  'visit.last_service_date',
  'visit.last_visit_date',
  'visit.count',
  'visit.total_labour',
  'visit.date',
  'visit.department',
  'visit.deferred_item',
  'appointment.next',
  'appointment.last_status',
  'deal.last_sold_on',
  'deal.sale_type',
  'deal.count',
  'contact.last_contacted',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

interface Common {
  readonly entity: FieldEntity;
  readonly label: Label;
  /** What the field means, for a tooltip: which rows it reads and how. */
  readonly help?: Label;
}
export interface EnumValue {
  readonly value: string;
  readonly label: Label;
}
export type FieldSpec = Common &
  (
    | { readonly type: 'text'; readonly operators: readonly TextOperator[] }
    | { readonly type: 'enum'; readonly operators: readonly EnumOperator[]; readonly values: readonly EnumValue[] }
    | {
        readonly type: 'number';
        readonly operators: readonly NumberOperator[];
        /** Whole numbers only (years, kilometres, counts). */
        readonly integer: boolean;
        readonly min: number;
        readonly max: number;
      }
    | { readonly type: 'date'; readonly operators: readonly DateOperator[] }
    | { readonly type: 'days_ago'; readonly operators: readonly DaysAgoOperator[] }
    | { readonly type: 'boolean'; readonly operators: readonly BooleanOperator[] }
  );
export type FieldDefinition = FieldSpec & { readonly key: FieldKey };

/** Days-ago values: whole days, at most a century. */
export const MAX_DAYS_AGO = 36_500;
/** Calendar dates a rule may name. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

const l = (en: string, fr: string): Label => ({ en, fr });
const v = (value: string, en: string, fr: string): EnumValue => ({ value, label: l(en, fr) });

const text = (entity: FieldEntity, label: Label, help?: Label): FieldSpec => ({
  entity,
  label,
  type: 'text',
  operators: TEXT_OPERATORS,
  ...(help ? { help } : {}),
});
const enumField = (entity: FieldEntity, label: Label, values: readonly EnumValue[], help?: Label): FieldSpec => ({
  entity,
  label,
  type: 'enum',
  operators: ENUM_OPERATORS,
  values,
  ...(help ? { help } : {}),
});
const num = (
  entity: FieldEntity,
  label: Label,
  integer: boolean,
  min: number,
  max: number,
  help?: Label,
): FieldSpec => ({
  entity,
  label,
  type: 'number',
  operators: NUMBER_OPERATORS,
  integer,
  min,
  max,
  ...(help ? { help } : {}),
});
const daysAgo = (
  entity: FieldEntity,
  label: Label,
  help: Label,
  operators: readonly DaysAgoOperator[] = DAYS_AGO_OPERATORS,
): FieldSpec => ({ entity, label, type: 'days_ago', operators, help });
const bool = (entity: FieldEntity, label: Label, help?: Label): FieldSpec => ({
  entity,
  label,
  type: 'boolean',
  operators: BOOLEAN_OPERATORS,
  ...(help ? { help } : {}),
});

const ONE_VEHICLE = l(
  'A vehicle of the customer; several vehicle rules in one AND group describe the same vehicle.',
  'Un véhicule du client ; plusieurs règles de véhicule dans un même groupe ET visent le même véhicule.',
);
const ONE_VISIT = l(
  'A visit (repair order) of the customer; several of these rules in one AND group describe the same visit.',
  'Une visite (bon de travail) du client ; plusieurs de ces règles dans un même groupe ET visent la même visite.',
);

const SPECS: Record<FieldKey, FieldSpec> = {
  'customer.language': enumField('customer', l('Language', 'Langue'), [
    v('en', 'English', 'Anglais'),
    v('fr', 'French', 'Français'),
  ]),
  'customer.city': text('customer', l('City', 'Ville')),
  'customer.region': text('customer', l('Province or state', 'Province ou État')),
  'customer.postal_code': text('customer', l('Postal code', 'Code postal')),
  'customer.type': enumField('customer', l('Customer type', 'Type de client'), [
    v('retail', 'Retail', 'Particulier'),
    v('fleet', 'Fleet', 'Flotte'),
  ]),
  'customer.is_prospect': bool(
    'customer',
    l('Prospect', 'Prospect'),
    l('Has no purchase history.', 'Aucun historique d’achat.'),
  ),
  'customer.day_preference': enumField('customer', l('Day / late day', 'Jour / fin de journée'), [
    v('day', 'Day', 'Jour'),
    v('late_day', 'Late day', 'Fin de journée'),
  ]),
  'customer.created_at': {
    entity: 'customer',
    label: l('Customer since', 'Client depuis'),
    type: 'date',
    operators: DATE_OPERATORS,
  },
  'vehicle.make': text('vehicle', l('Make', 'Marque'), ONE_VEHICLE),
  'vehicle.model': text('vehicle', l('Model', 'Modèle'), ONE_VEHICLE),
  'vehicle.year': num('vehicle', l('Model year', 'Année du modèle'), true, 1900, 2100, ONE_VEHICLE),
  'vehicle.odometer': num('vehicle', l('Odometer', 'Odomètre'), true, 0, 10_000_000, ONE_VEHICLE),
  'vehicle.contact_off': bool(
    'vehicle',
    l('Vehicle turned off for contact', 'Véhicule exclu des contacts'),
    ONE_VEHICLE,
  ),
  'visit.last_service_date': daysAgo(
    'visit',
    l('Last service visit', 'Dernière visite au service'),
    l(
      'Days since the latest visit to the service department; never: no service visit on file.',
      'Jours depuis la dernière visite au service ; jamais : aucune visite au service.',
    ),
  ),
  'visit.last_visit_date': daysAgo(
    'visit',
    l('Last visit (any department)', 'Dernière visite (tout service)'),
    l(
      'Days since the latest visit to any department; never: no visit on file.',
      'Jours depuis la dernière visite, tous services ; jamais : aucune visite.',
    ),
  ),
  'visit.count': num('visit', l('Number of visits', 'Nombre de visites'), true, 0, 100_000),
  'visit.total_labour': num(
    'visit',
    l('Total labour', 'Main-d’œuvre totale'),
    false,
    -1_000_000_000,
    1_000_000_000,
    l('Labour of all visits added up.', 'Main-d’œuvre de toutes les visites additionnée.'),
  ),
  'visit.date': daysAgo('visit', l('Date of a visit', 'Date d’une visite'), ONE_VISIT, [
    'more_than_days_ago',
    'less_than_days_ago',
    'between_days_ago',
  ]),
  'visit.department': enumField(
    'visit',
    l('Department of a visit', 'Service d’une visite'),
    [
      v('service', 'Service', 'Service'),
      v('body_shop', 'Body shop', 'Carrosserie'),
      v('parts', 'Parts', 'Pièces'),
      v('sales', 'Sales', 'Ventes'),
      v('other', 'Other', 'Autre'),
    ],
    ONE_VISIT,
  ),
  'visit.deferred_item': {
    entity: 'visit',
    label: l('Deferred item', 'Travaux reportés'),
    type: 'text',
    operators: ['contains', 'starts_with', 'is'],
    help: l(
      'Work recommended on any visit and not done; pair it with "Date of a visit" for recent ones.',
      'Travaux recommandés lors d’une visite et non faits ; combinez avec « Date d’une visite » pour les récents.',
    ),
  },
  'appointment.next': bool(
    'appointment',
    l('Has an appointment booked', 'A un rendez-vous prévu'),
    l('A scheduled appointment after the as-of time.', 'Un rendez-vous prévu après le moment de référence.'),
  ),
  'appointment.last_status': enumField(
    'appointment',
    l('Status of the last appointment', 'Statut du dernier rendez-vous'),
    [
      v('scheduled', 'Scheduled', 'Prévu'),
      v('completed', 'Completed', 'Terminé'),
      v('no_show', 'No-show', 'Absent'),
      v('cancelled', 'Cancelled', 'Annulé'),
    ],
    l('The latest appointment at or before the as-of time.', 'Le dernier rendez-vous au moment de référence.'),
  ),
  'deal.last_sold_on': daysAgo(
    'deal',
    l('Last purchase', 'Dernier achat'),
    l('Days since the latest deal; never: no deal on file.', 'Jours depuis la dernière vente ; jamais : aucune vente.'),
  ),
  'deal.sale_type': enumField(
    'deal',
    l('Sale type of a deal', 'Type de vente'),
    [v('new', 'New', 'Neuf'), v('used', 'Used', 'Occasion'), v('lease', 'Lease', 'Location')],
    l('A deal of the customer.', 'Une vente du client.'),
  ),
  'deal.count': num('deal', l('Number of purchases', 'Nombre d’achats'), true, 0, 100_000),
  'contact.last_contacted': daysAgo(
    'contact',
    l('Last contacted', 'Dernier contact'),
    l(
      'Days since the last message to the customer on any channel (queued or sent; skipped, cancelled and failed ones do not count); never: none.',
      'Jours depuis le dernier message au client, tout canal (en file ou envoyé ; ni ignoré, ni annulé, ni en échec) ; jamais : aucun.',
    ),
  ),
};

/** Every field, in the builder's order. */
export const FIELDS: readonly FieldDefinition[] = FIELD_KEYS.map((key) => ({ ...SPECS[key], key }));

const BY_KEY: ReadonlyMap<string, FieldDefinition> = new Map(FIELDS.map((f) => [f.key, f]));

/** The field with this key, or undefined when the catalogue has none. */
export const findField = (key: string): FieldDefinition | undefined => BY_KEY.get(key);

/** What a type's value looks like, for messages and the builder's inputs. */
export const TYPE_NAMES: Record<FieldType, string> = {
  text: 'text',
  enum: 'a choice from a list',
  number: 'a number',
  date: 'a calendar date',
  days_ago: 'a number of days ago',
  boolean: 'yes or no',
};
