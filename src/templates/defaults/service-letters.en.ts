import { paragraphs, type DefaultTemplate } from './default-template.ts';

// The 360° Customer Contact sample letters (seeds/protractor-360-customer-contact), in Liquid.
const greeting = 'Dear {{ customer.mailing_name | default: "Valued Customer" }},';
const re =
  'Re: {{ vehicle.year }} {{ vehicle.make }} {{ vehicle.model }}{% if vehicle.plate %}, Licence {{ vehicle.plate }}{% endif %}';
const when =
  '<strong>{{ appointment.date | date_long }}{% if appointment.time %} at {{ appointment.time | time }}{% endif %}</strong>';
const concerns = 'any concerns you may have with the maintenance and repair of your vehicle';
const signature = 'Yours truly,<br>\n{{ store.owner_name }}<br>\n{{ store.name }}<br>\n{{ store.email }}';

const letter = (
  contactType: DefaultTemplate['contactType'],
  name: string,
  subject: string,
  ...body: string[]
): DefaultTemplate => ({
  channel: 'email',
  purpose: 'service',
  contactType,
  language: 'en',
  name,
  subject,
  body: paragraphs(greeting, re, ...body, signature),
});

/** The English defaults. */
export const SERVICE_LETTERS_EN: readonly DefaultTemplate[] = [
  letter(
    'reminder_1',
    'Reminder 1',
    'Your next service appointment: {{ appointment.date | date_long }}',
    'Just a reminder!',
    `When you were last in for service we set the next appointment date as:<br>\n${when}`,
    'If this date is not convenient for you, please let us know. Otherwise we will confirm the appointment and send you a reminder the week before.',
    `You can reach us at {{ store.phone | phone }} if we need to reschedule or to discuss ${concerns}.`,
  ),
  letter(
    'reminder_2',
    'Reminder 2',
    'Reminder: your service appointment on {{ appointment.date | date_long }}',
    'Just a reminder!',
    `Your next service appointment has been set for:<br>\n${when}`,
    `We look forward to seeing you in the near future. You can reach us at {{ store.phone | phone }} if we need to reschedule or to discuss ${concerns}.`,
  ),
  letter(
    'no_show',
    'No Show',
    'We missed you at {{ store.name }}',
    'Oops! We missed you!',
    'We had you scheduled for service on your {{ vehicle.model | default: "vehicle" }} for {{ appointment.date | date_long }}.',
    `Please call us at {{ store.phone | phone }} to reschedule your appointment or to discuss ${concerns}.`,
  ),
  letter(
    'thank_you',
    'Thank You',
    'Thank you from {{ store.name }}',
    'I just wanted to say: thanks for the business!',
    'I understand you have lots of choice when it comes to selecting an automotive service provider for your vehicle, and myself and the staff of {{ store.name }} want to say thank you for giving us the opportunity to serve you.',
    '{% if store.feedback_url %}Please click on this link to provide feedback or rate our service:<br>\n<a href="{{ store.feedback_url }}">{{ store.feedback_url }}</a>{% endif %}',
    'Your feedback is important to me to better serve you in the future.',
    'I look forward to seeing you again, and myself or any of our staff are available at any time to discuss any questions or concerns you may have in regard to the maintenance of your vehicle.',
  ),
  letter(
    'deferred',
    'Deferred',
    'Recommended work for your {{ vehicle.year }} {{ vehicle.make }} {{ vehicle.model }}',
    'When you were last in for service there were recommendations that we believe will improve the performance and operation of your vehicle when performed. The deferred items on the last service visit were:',
    '<ul>{% for item in deferred_items %}<li>{{ item }}</li>{% endfor %}</ul>',
    `We would be happy to schedule an appointment at your convenience to remedy the deferred items. Please call {{ store.phone | phone }} to schedule an appointment or to discuss ${concerns}.`,
  ),
  letter(
    'inactive',
    'Inactive',
    'Is your {{ vehicle.model | default: "vehicle" }} due for service?',
    'Just the other day I was thinking that I have not seen you and your {{ vehicle.model | default: "vehicle" }} for a while. So we looked up the service records and realized that your vehicle was last in for service on {{ visit.date | date_long }}. If this was the date of your last service, your {{ vehicle.model | default: "vehicle" }} is due for an oil change and maintenance inspection based on the manufacturer’s suggested interval.',
    `I would be happy to schedule an appointment to provide the oil change and maintenance inspection at your convenience. Please contact us at {{ store.phone | phone }} to schedule an appointment or to discuss ${concerns}.`,
  ),
];
