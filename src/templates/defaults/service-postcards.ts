import { paragraphs, type DefaultTemplate } from './default-template.ts';

// The 360° postcards (seeds/protractor-360-customer-contact, "Postcards"): the letters' messages,
// short enough for the message side of a 4×6 card. The address side is printed from the customer.
type Step = DefaultTemplate['contactType'];

const EN = {
  hello: 'Hello {{ customer.mailing_name | default: "Valued Customer" }},',
  when: '<strong>{{ appointment.date | date_long }}{% if appointment.time %} at {{ appointment.time | time }}{% endif %}</strong>',
  call: 'Call us at {{ store.phone | phone }}',
  sign: '{{ store.owner_name }}, {{ store.name }}',
};
const FR = {
  hello: 'Bonjour {{ customer.mailing_name | default: "chère cliente, cher client" }},',
  when: '<strong>{{ appointment.date | date_long }}{% if appointment.time %} à {{ appointment.time | time }}{% endif %}</strong>',
  call: 'Appelez-nous au {{ store.phone | phone }}',
  sign: '{{ store.owner_name }}, {{ store.name }}',
};

const card = (language: 'en' | 'fr', contactType: Step, name: string, ...body: string[]): DefaultTemplate => ({
  channel: 'postcard',
  purpose: 'service',
  contactType,
  language,
  name,
  subject: '',
  body: paragraphs(language === 'en' ? EN.hello : FR.hello, ...body, language === 'en' ? EN.sign : FR.sign),
});

/** The six postcards in English and French. */
export const SERVICE_POSTCARDS: readonly DefaultTemplate[] = [
  card(
    'en',
    'reminder_1',
    'Reminder 1 postcard',
    `Just a reminder! Your {{ vehicle.model | default: "vehicle" }} is booked for service on ${EN.when}.`,
    `${EN.call} if this date does not suit you.`,
  ),
  card(
    'en',
    'reminder_2',
    'Reminder 2 postcard',
    `See you soon! Your service appointment is on ${EN.when}.`,
    `${EN.call} if you need to reschedule.`,
  ),
  card(
    'en',
    'no_show',
    'No Show postcard',
    'Oops! We missed you on {{ appointment.date | date_long }}.',
    `${EN.call} to book a new time for your {{ vehicle.model | default: "vehicle" }}.`,
  ),
  card(
    'en',
    'thank_you',
    'Thank You postcard',
    'Thanks for the business! We appreciate the chance to look after your {{ vehicle.model | default: "vehicle" }}.',
    '{% if store.feedback_url %}Tell us how we did: {{ store.feedback_url }}{% endif %}',
  ),
  card(
    'en',
    'deferred',
    'Deferred postcard',
    'On your last visit we recommended: {{ deferred_items | join: ", " }}.',
    `${EN.call} to book the work at your convenience.`,
  ),
  card(
    'en',
    'inactive',
    'Inactive postcard',
    'We have not seen your {{ vehicle.model | default: "vehicle" }} since {{ visit.date | date_long }}. It may be due for an oil change and inspection.',
    `${EN.call} to book an appointment.`,
  ),
  card(
    'fr',
    'reminder_1',
    'Rappel 1 (carte postale)',
    `Petit rappel : l’entretien de votre {{ vehicle.model | default: "véhicule" }} est prévu le ${FR.when}.`,
    `${FR.call} si cette date ne vous convient pas.`,
  ),
  card(
    'fr',
    'reminder_2',
    'Rappel 2 (carte postale)',
    `À bientôt! Votre rendez-vous d’entretien est le ${FR.when}.`,
    `${FR.call} pour le déplacer au besoin.`,
  ),
  card(
    'fr',
    'no_show',
    'Rendez-vous manqué (carte postale)',
    'Oups! Nous vous attendions le {{ appointment.date | date_long }}.',
    `${FR.call} pour prendre un nouveau rendez-vous pour votre {{ vehicle.model | default: "véhicule" }}.`,
  ),
  card(
    'fr',
    'thank_you',
    'Remerciement (carte postale)',
    'Merci de votre confiance! Ce fut un plaisir de nous occuper de votre {{ vehicle.model | default: "véhicule" }}.',
    '{% if store.feedback_url %}Donnez-nous votre avis : {{ store.feedback_url }}{% endif %}',
  ),
  card(
    'fr',
    'deferred',
    'Travaux reportés (carte postale)',
    'Lors de votre dernière visite, nous avons recommandé : {{ deferred_items | join: ", " }}.',
    `${FR.call} pour planifier ces travaux à votre convenance.`,
  ),
  card(
    'fr',
    'inactive',
    'Client inactif (carte postale)',
    'Nous n’avons pas vu votre {{ vehicle.model | default: "véhicule" }} depuis le {{ visit.date | date_long }}. Une vidange et une inspection sont peut-être dues.',
    `${FR.call} pour prendre rendez-vous.`,
  ),
];
