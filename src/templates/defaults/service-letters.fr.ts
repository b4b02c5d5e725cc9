import { paragraphs, type DefaultTemplate } from './default-template.ts';

// Les lettres types du suivi 360° (seeds/protractor-360-customer-contact), en français canadien.
const greeting = 'Bonjour {{ customer.mailing_name | default: "chère cliente, cher client" }},';
const re =
  'Objet : {{ vehicle.make }} {{ vehicle.model }} {{ vehicle.year }}{% if vehicle.plate %}, plaque {{ vehicle.plate }}{% endif %}';
const when =
  '<strong>{{ appointment.date | date_long }}{% if appointment.time %} à {{ appointment.time | time }}{% endif %}</strong>';
const concerns = 'pour discuter de toute question concernant l’entretien et la réparation de votre véhicule';
const signature = 'Cordialement,<br>\n{{ store.owner_name }}<br>\n{{ store.name }}<br>\n{{ store.email }}';

const letter = (
  contactType: DefaultTemplate['contactType'],
  name: string,
  subject: string,
  ...body: string[]
): DefaultTemplate => ({
  channel: 'email',
  purpose: 'service',
  contactType,
  language: 'fr',
  name,
  subject,
  body: paragraphs(greeting, re, ...body, signature),
});

/** Les modèles par défaut en français. */
export const SERVICE_LETTERS_FR: readonly DefaultTemplate[] = [
  letter(
    'reminder_1',
    'Rappel 1',
    'Votre prochain rendez-vous d’entretien : {{ appointment.date | date_long }}',
    'Petit rappel!',
    `Lors de votre dernière visite, nous avons fixé la date de votre prochain rendez-vous d’entretien au :<br>\n${when}`,
    'Si cette date ne vous convient pas, faites-le-nous savoir. Sinon, nous confirmerons le rendez-vous et vous enverrons un rappel la semaine précédente.',
    `Vous pouvez nous joindre au {{ store.phone | phone }} s’il faut changer la date du rendez-vous ou ${concerns}.`,
  ),
  letter(
    'reminder_2',
    'Rappel 2',
    'Rappel : votre rendez-vous d’entretien le {{ appointment.date | date_long }}',
    'Petit rappel!',
    `Votre prochain rendez-vous d’entretien est prévu le :<br>\n${when}`,
    `Au plaisir de vous voir bientôt! Vous pouvez nous joindre au {{ store.phone | phone }} s’il faut changer la date du rendez-vous ou ${concerns}.`,
  ),
  letter(
    'no_show',
    'Absence au rendez-vous',
    'Nous vous avons manqué chez {{ store.name }}',
    'Oups! Nous vous avons manqué!',
    'Vous aviez un rendez-vous d’entretien pour votre {{ vehicle.model | default: "véhicule" }} le {{ appointment.date | date_long }}.',
    `Appelez-nous au {{ store.phone | phone }} pour fixer un nouveau rendez-vous ou ${concerns}.`,
  ),
  letter(
    'thank_you',
    'Remerciement',
    'Merci de la part de {{ store.name }}',
    'Je tenais simplement à vous dire merci de votre confiance!',
    'Je sais que vous avez l’embarras du choix quand vient le temps de confier l’entretien de votre véhicule, et toute l’équipe de {{ store.name }} se joint à moi pour vous remercier de nous avoir donné l’occasion de vous servir.',
    '{% if store.feedback_url %}Cliquez sur ce lien pour nous faire part de vos commentaires ou pour évaluer notre service :<br>\n<a href="{{ store.feedback_url }}">{{ store.feedback_url }}</a>{% endif %}',
    'Vos commentaires sont importants pour moi : ils m’aident à mieux vous servir à l’avenir.',
    'Au plaisir de vous revoir! Mon équipe et moi sommes disponibles en tout temps pour répondre à vos questions sur l’entretien de votre véhicule.',
  ),
  letter(
    'deferred',
    'Travaux reportés',
    'Travaux recommandés pour votre {{ vehicle.make }} {{ vehicle.model }} {{ vehicle.year }}',
    'Lors de votre dernière visite, nous vous avons recommandé des travaux qui, selon nous, amélioreront le rendement et le bon fonctionnement de votre véhicule. Voici les travaux reportés lors de cette visite :',
    '<ul>{% for item in deferred_items %}<li>{{ item }}</li>{% endfor %}</ul>',
    `Nous serions heureux de vous donner un rendez-vous au moment qui vous convient pour effectuer ces travaux. Composez le {{ store.phone | phone }} pour prendre rendez-vous ou ${concerns}.`,
  ),
  letter(
    'inactive',
    'Client inactif',
    'Est-ce le temps d’entretenir votre {{ vehicle.model | default: "véhicule" }}?',
    'L’autre jour, je me suis rendu compte que nous ne vous avions pas vu, vous et votre {{ vehicle.model | default: "véhicule" }}, depuis un bon moment. Nous avons donc consulté votre dossier : la dernière visite d’entretien de votre véhicule remonte au {{ visit.date | date_long }}. Si c’est bien le cas, il est temps de faire la vidange d’huile et l’inspection d’entretien de votre {{ vehicle.model | default: "véhicule" }}, selon l’intervalle recommandé par le constructeur.',
    `Je serais heureux de vous donner un rendez-vous au moment qui vous convient pour la vidange d’huile et l’inspection. Joignez-nous au {{ store.phone | phone }} pour prendre rendez-vous ou ${concerns}.`,
  ),
];
