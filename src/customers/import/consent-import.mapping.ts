import type { Channel } from '../../consent/consent.types.ts';
import type { FieldSpec } from './header.ts';

/** The three columns a customers file may carry for one channel's marketing consent. */
export interface ConsentColumns<C extends Channel> {
  channel: C;
  /** yes / no; blank means the file says nothing. */
  value: `${C}_marketing_consent`;
  /** When the customer said it (date or date and time); default: the time of the import. */
  date: `${C}_consent_date`;
  /** express | implied_purchase | implied_inquiry; default for a yes: express. */
  basis: `${C}_consent_basis`;
}

function columns<C extends Channel>(channel: C): ConsentColumns<C> {
  return {
    channel,
    value: `${channel}_marketing_consent`,
    date: `${channel}_consent_date`,
    basis: `${channel}_consent_basis`,
  };
}

/** Per channel, the consent columns, in the order of CHANNELS. */
export const CONSENT_COLUMNS = [
  columns('email'),
  columns('sms'),
  columns('voice'),
  columns('call'),
  columns('letter'),
  columns('fax'),
] as const;

/**
 * Header spellings for a channel's consent columns: each label gives "<label> Opt In",
 * "<label> Consent", "<label> Marketing Consent", "<label> Opt In Date", "<label> Consent Date",
 * "<label> Consent Basis", ... Extra value spellings ("Text OK (marketing)") come from `more`.
 */
function consentFields<C extends Channel>(
  channel: C,
  labels: readonly string[],
  more: readonly string[] = [],
): [FieldSpec<`${C}_marketing_consent`>, FieldSpec<`${C}_consent_date`>, FieldSpec<`${C}_consent_basis`>] {
  const c = columns(channel);
  const each = (suffixes: readonly string[]) => labels.flatMap((l) => suffixes.map((s) => `${l} ${s}`));
  return [
    {
      field: c.value,
      aliases: [
        ...each(['Opt In', 'Opt-In', 'Optin', 'Consent', 'Marketing Consent', 'Marketing', 'OK (marketing)']),
        ...more,
      ],
    },
    { field: c.date, aliases: each(['Opt In Date', 'Opt-In Date', 'Consent Date', 'Marketing Consent Date']) },
    { field: c.basis, aliases: each(['Opt In Basis', 'Opt-In Basis', 'Consent Basis', 'Marketing Consent Basis']) },
  ];
}

/** Optional marketing-consent columns of a customers file, one triple per channel. */
export const CONSENT_FIELDS = [
  ...consentFields('email', ['Email', 'E-mail'], ['Marketing Email OK']),
  ...consentFields('sms', ['SMS', 'Text', 'Texting'], ['Marketing Text OK', 'Marketing SMS OK']),
  ...consentFields('voice', ['Voice', 'Voice Drop']),
  ...consentFields('call', ['Call', 'Phone', 'Phone Call']),
  ...consentFields('letter', ['Letter', 'Mail', 'Direct Mail'], ['Marketing Mail OK']),
  ...consentFields('fax', ['Fax']),
] as const;
