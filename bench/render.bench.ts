import { Liquid } from 'liquidjs';
import { DEFAULT_TEMPLATES } from '../src/templates/defaults/index.ts';
import { createMessageRenderer, type MessageSource } from '../src/templates/message.render.ts';
import { createRenderer } from '../src/templates/render.ts';
import { buildMergeContext, sampleMergeInput, type MergeContext } from '../src/templates/merge-context.ts';

/**
 * `npm run bench -- render [--renders N]`: renders a ~1 KB HTML e-mail with 10 merge fields (one a
 * date) N times on one core (default 50,000), with Forecourt's renderer (cached Intl formatters,
 * HTML escaping) and with a bare liquidjs engine on the same template using liquidjs's own `date`
 * filter, in the same run. Contexts are built beforehand and rendering alone is timed,
 * except on the line that also times buildMergeContext per render. Then whole e-mails (subject,
 * document with footer and inlined CSS, text part, from merge input), compiled once per template
 * against composed per message as before compileEmail, for this template and a default letter
 * (N / 10 each for the per-message path, which is slow).
 */
export async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--renders');
  const renders = i >= 0 ? Number(args[i + 1] ?? '50000') : 50_000;
  const tz = 'America/Toronto';

  const contexts: MergeContext[] = [];
  for (let k = 0; k < 1000; k++) {
    const input = sampleMergeInput('en');
    input.customer.mailingName = `Customer ${k}`;
    input.appointment = { scheduledAt: new Date(Date.UTC(2026, k % 12, 1 + (k % 28), 13 + (k % 8), 0)) };
    contexts.push(buildMergeContext(input));
  }

  const ours = TEMPLATE.replace('DATE', '{{ appointment.time | date_long }}').replace(
    'PHONE',
    '{{ store.phone | phone }}',
  );
  const bare = TEMPLATE.replace('DATE', '{{ appointment.time | date: "%B %-d, %Y" }}').replace(
    'PHONE',
    '{{ store.phone }}',
  );
  process.stdout.write(
    `node ${process.version}; template ${Buffer.byteLength(ours)} bytes, 10 merge fields; ${renders.toLocaleString('en')} renders each, one core\n`,
  );

  const renderer = createRenderer();
  const compiled = renderer.compile(ours, 'html');
  const locale = { language: 'en', country: 'CA', timeZone: tz } as const;
  const oursRate = measure(renders, (k) => renderer.render(compiled, contexts[k % contexts.length]!, locale));

  // The same, building each customer's context from plain rows first (what a send does).
  const inputs = contexts.map((_, k) => {
    const input = sampleMergeInput('en');
    input.customer.mailingName = `Customer ${k}`;
    return input;
  });
  const withContextRate = measure(renders, (k) =>
    renderer.render(compiled, buildMergeContext(inputs[k % inputs.length]!), locale),
  );

  const variants: [string, Liquid][] = [
    [
      'bare liquidjs, date filter in the store zone (timezoneOffset)',
      new Liquid({ outputEscape: 'escape', timezoneOffset: tz }),
    ],
    ['bare liquidjs, date filter with default options', new Liquid({ outputEscape: 'escape' })],
  ];
  const bareRates = variants.map(([label, engine]) => {
    const parsed = engine.parse(bare);
    return [label, measure(renders, (k) => engine.renderSync(parsed, contexts[k % contexts.length]))] as const;
  });

  const line = (label: string, rate: number) =>
    `${label.padEnd(64)} ${Math.round(rate).toLocaleString('en').padStart(8)} renders/s\n`;
  process.stdout.write(line('forecourt renderer (date_long, phone, cached Intl)', oursRate));
  process.stdout.write(line('forecourt buildMergeContext + render', withContextRate));
  for (const [label, rate] of bareRates) {
    process.stdout.write(line(label, rate));
    process.stdout.write(`  ratio forecourt / this: ${(oursRate / rate).toFixed(2)}×\n`);
  }
  process.stdout.write(`target ≥ 15,000 renders/s: ${oursRate >= 15_000 ? 'met' : 'NOT met'}\n`);

  const sender = { storeName: 'Maple Motors', postalAddress: ['1 Main St', 'Toronto ON  M5V 2T6'] };
  const reminder = DEFAULT_TEMPLATES.find((t) => t.contactType === 'reminder_1' && t.language === 'en');
  const emails: [string, MessageSource][] = [
    ['this template', { channel: 'email', purpose: 'service', subject: 'Service for {{ vehicle.model }}', body: ours }],
    [
      'default letter reminder_1 (en)',
      { channel: 'email', purpose: 'service', subject: reminder?.subject ?? '', body: reminder?.body ?? '' },
    ],
  ];
  const compiledMessages = createMessageRenderer(renderer);
  const perMessage = createMessageRenderer(renderer, { uncompiled: true });
  for (const [label, source] of emails) {
    const compiledRate = measure(
      renders,
      (k) => compiledMessages.render(source, inputs[k % inputs.length]!, sender).html,
    );
    const oldRate = measure(
      Math.ceil(renders / 10),
      (k) => perMessage.render(source, inputs[k % inputs.length]!, sender).html,
    );
    process.stdout.write(`full e-mail, ${label}:\n`);
    process.stdout.write(
      line('  compiled once, Liquid per customer (createMessageRenderer)', compiledRate).replace(
        'renders/s',
        'e-mails/s',
      ),
    );
    process.stdout.write(
      `${line('  composed per message (sanitise, juice ×2, html-to-text)', oldRate).replace('renders/s', 'e-mails/s')}`,
    );
    process.stdout.write(
      `  ${(1e6 / compiledRate).toFixed(0)} µs vs ${(1e6 / oldRate).toFixed(0)} µs per e-mail: ${(compiledRate / oldRate).toFixed(1)}×\n`,
    );
  }
}

/** Renders per second over `n` calls after a warm-up; keeps a checksum so no call is optimised away. */
function measure(n: number, renderOne: (k: number) => unknown): number {
  let sink = 0;
  for (let k = 0; k < Math.min(2000, n); k++) sink += String(renderOne(k)).length;
  const t0 = performance.now();
  for (let k = 0; k < n; k++) sink += String(renderOne(k)).length;
  const seconds = (performance.now() - t0) / 1000;
  if (sink === 0) throw new Error('nothing rendered');
  return n / seconds;
}

const TEMPLATE = `<html><body style="font-family: Arial, sans-serif; color: #222;">
<p>Dear {{ customer.mailing_name | default: "Valued Customer" }},</p>
<p>Re: {{ vehicle.year }} {{ vehicle.make }} {{ vehicle.model }}, Licence {{ vehicle.plate }}</p>
<p>Just a reminder! When you were last in for service we set the next appointment date as:</p>
<p><strong>DATE</strong></p>
<p>If this date is not convenient for you, please let us know. Otherwise we will confirm the appointment and
send you a reminder the week before. We look forward to seeing you in the near future.</p>
<p>You can reach us at PHONE if we need to reschedule or to discuss any concerns you may have with the
maintenance and repair of your vehicle. Our service advisors are available Monday to Friday from 7:30 to 6:00
and on Saturday mornings.</p>
<p>Yours truly,<br>
{{ store.owner_name }}<br>
{{ store.name }}<br>
{{ store.email }}</p>
<p style="font-size: 11px; color: #777;">You are receiving this message because you are a service customer
of our dealership. Please do not reply to this automated message.</p>
</body></html>
`;
