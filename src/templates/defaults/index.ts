import type { DefaultTemplate } from './default-template.ts';
import { SERVICE_LETTERS_EN } from './service-letters.en.ts';
import { SERVICE_LETTERS_FR } from './service-letters.fr.ts';
import { SERVICE_POSTCARDS } from './service-postcards.ts';

export { defaultKey } from './default-template.ts';
export type { DefaultTemplate, LifecycleStepKey } from './default-template.ts';

/** Every default template: the six 360° service letters and postcards, in English and in French. */
export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  ...SERVICE_LETTERS_EN,
  ...SERVICE_LETTERS_FR,
  ...SERVICE_POSTCARDS,
];
