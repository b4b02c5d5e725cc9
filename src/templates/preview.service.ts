import type { Kysely } from 'kysely';
import { loadProfile } from '../customers/customers.store.ts';
import type { Database, Store } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { renderLocaleFor, sampleMergeInput, type MergeInput } from './merge-context.ts';
import type { Language } from './merge-tags.catalogue.ts';
import {
  customerAddressLines,
  mergeInputFromProfile,
  storeAddressLines,
  storeInput,
  storeSender,
} from './merge-input.rows.ts';
import { renderMessage, type MessageSource, type RenderedMessage } from './message.render.ts';
import { renderLetterPdf } from './pdf/letter.pdf.ts';
import { renderPostcardPdf } from './pdf/postcard.pdf.ts';
import type { Renderer } from './render.ts';

export interface PreviewSubject {
  /** The customer rendered for; null for the catalogue's sample customer. */
  customerId: number | null;
  label: string;
  input: MergeInput;
  address: string[];
}

const SAMPLE_ADDRESS = ['123 Sample Street', 'Toronto ON  M5V 2T6'];

/**
 * Previews: a template (saved or draft) rendered for a real customer of the store or for the
 * sample customer, exactly as a send would render it, with a placeholder unsubscribe link.
 */
export function createPreviewService(deps: {
  db: Kysely<Database>;
  renderer: Renderer;
  clock: Clock;
  publicUrl: string;
}) {
  const { db, renderer, clock } = deps;
  const previewUnsubscribe = `${deps.publicUrl.replace(/\/$/, '')}/unsubscribe/preview`;

  async function subjectFor(store: Store, customerId: number | null, language: Language): Promise<PreviewSubject> {
    if (customerId === null) {
      const input = { ...sampleMergeInput(language), store: storeInput(store), unsubscribeUrl: previewUnsubscribe };
      const name = input.customer.mailingName ?? 'Sample customer';
      return { customerId: null, label: `${name} (sample)`, input, address: [name, ...SAMPLE_ADDRESS] };
    }
    const customer = await db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', customerId)
      .where('store_id', '=', store.id)
      .executeTakeFirst();
    if (!customer) throw notFound('Customer');
    const profile = await loadProfile(db, customer);
    const input = mergeInputFromProfile(profile, store, clock.now(), previewUnsubscribe);
    const label =
      customer.name ?? ([customer.first_name, customer.last_name].filter(Boolean).join(' ') || `#${customer.id}`);
    return { customerId, label, input, address: customerAddressLines(customer) };
  }

  return {
    subjectFor,

    async render(store: Store, source: MessageSource & { language: Language }, customerId: number | null) {
      const subject = await subjectFor(store, customerId, source.language);
      const message: RenderedMessage = renderMessage(renderer, source, subject.input, storeSender(store));
      return { subject, message };
    },

    /** A letter or postcard as the printer gets it. */
    async pdf(
      store: Store,
      source: MessageSource & { language: Language },
      customerId: number | null,
    ): Promise<Buffer> {
      if (source.channel !== 'letter' && source.channel !== 'postcard')
        throw new DomainError(
          'invalid_input',
          `A ${source.channel} template has no PDF; only letters and postcards do.`,
        );
      const { subject, message } = await this.render(store, source, customerId);
      const letterhead = {
        name: store.name,
        addressLines: storeAddressLines(store),
        phone: store.phone,
        email: store.email,
      };
      const bodyHtml = message.html ?? '';
      if (source.channel === 'postcard')
        return renderPostcardPdf({ sender: letterhead, recipient: { lines: subject.address }, bodyHtml });
      const date = renderer
        .formatter(renderLocaleFor(subject.input.customer, subject.input.store))
        .date(clock.now(), 'long');
      return renderLetterPdf({
        letterhead,
        recipient: { lines: subject.address },
        date,
        bodyHtml,
        paper: store.country === 'US' || store.country === 'CA' ? 'letter' : 'a4',
      });
    },
  };
}

export type PreviewService = ReturnType<typeof createPreviewService>;
