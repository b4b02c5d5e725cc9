import { CONSENT_FIELDS } from './consent-import.mapping.ts';
import type { FieldSpec } from './header.ts';

/** The columns of a customers export, with the header spellings DMSs use for each. */
export const CUSTOMER_FIELDS = [
  {
    field: 'dms_customer_number',
    required: true,
    aliases: [
      'Cust #',
      'Cust No',
      'CustNo',
      'Customer Number',
      'Customer #',
      'Customer No',
      'Customer ID',
      'Cust ID',
      'Customer',
      'DMS Number',
      'Client #',
      'Client Number',
      'No Client',
    ],
  },
  { field: 'customer_type', aliases: ['Type', 'Cust Type', 'Customer Type', 'Retail/Fleet'] },
  { field: 'is_prospect', aliases: ['Prospect', 'Is Prospect'] },
  { field: 'prospect_entered_by', aliases: ['Entered By', 'Prospect Entered By'] },
  { field: 'name', aliases: ['Name', 'Full Name', 'Customer Name', 'Cust Name', 'Company', 'Company Name'] },
  { field: 'first_name', aliases: ['First', 'First Name', 'FName', 'Given Name', 'Prenom'] },
  { field: 'last_name', aliases: ['Last', 'Last Name', 'LName', 'Surname', 'Family Name', 'Nom'] },
  { field: 'other_name', aliases: ['Other Name', 'Middle Name', 'Spouse', 'Co-Buyer', 'Second Name'] },
  { field: 'contact_name', aliases: ['Contact', 'Contact Name'] },
  { field: 'mailing_name', aliases: ['Mailing Name', 'Mail Name', 'Salutation Name'] },
  { field: 'address_to', aliases: ['Address To', 'Attention', 'Attn', 'Dear'] },
  { field: 'date_of_birth', aliases: ['DOB', 'Birth Date', 'Birthdate', 'Date of Birth', 'Birthday'] },
  { field: 'address_line1', aliases: ['Address', 'Address 1', 'Address Line 1', 'Addr1', 'Street', 'Street Address'] },
  { field: 'address_line2', aliases: ['Address 2', 'Address Line 2', 'Addr2', 'Apt', 'Suite', 'Unit'] },
  { field: 'city', aliases: ['City', 'Town', 'Ville'] },
  { field: 'region', aliases: ['State', 'Province', 'Prov', 'St', 'Region', 'State/Province', 'Prov/State'] },
  {
    field: 'postal_code',
    aliases: ['Zip', 'Zip Code', 'ZipCode', 'Postal', 'Postal Code', 'PostalCode', 'Code Postal'],
  },
  { field: 'country', aliases: ['Country', 'Pays'] },
  {
    field: 'home_phone',
    aliases: ['Home', 'Home Phone', 'Phone', 'Home #', 'Telephone', 'Tel', 'Res Phone', 'Residence Phone'],
  },
  {
    field: 'work_phone',
    aliases: ['Work', 'Work Phone', 'Business Phone', 'Bus Phone', 'Office Phone', 'Work #', 'Business'],
  },
  {
    field: 'cell_phone',
    aliases: ['Cell', 'Cell Phone', 'Cellular', 'Mobile', 'Mobile Phone', 'Cell #', 'Mobile #', 'Cellulaire'],
  },
  { field: 'email', aliases: ['E-mail', 'Email', 'Email Address', 'E-mail Address', 'Courriel'] },
  { field: 'language', aliases: ['Language', 'Lang', 'Preferred Language', 'Langue'] },
  { field: 'day_preference', aliases: ['Day Preference', 'Day Pref', 'Call Time', 'Best Time'] },
  { field: 'likely_to_buy', aliases: ['Likely to Buy', 'Likely', 'Likelihood', 'Buy Likelihood'] },
  { field: 'star_rating', aliases: ['Stars', 'Star Rating', 'Rating'] },
  { field: 'last_verified_at', aliases: ['Last Verified', 'Verified', 'Verified On', 'Last Verified Date'] },
  {
    field: 'preferred_contact_method',
    aliases: ['Preferred Contact', 'Contact Method', 'Preferred Contact Method', 'Contact Pref'],
  },
  { field: 'inquired', aliases: ['Inquired', 'Inquiry'] },
  { field: 'eservice_user', aliases: ['eService', 'eService User', 'E-Service', 'Online Service'] },
  // Flags and contact-method switches: yes/no; a blank or unreadable cell leaves the stored value alone.
  { field: 'do_not_mail', aliases: ['Do Not Mail', 'DNM', 'No Mail', 'Do Not Mail Flag'] },
  { field: 'casl_opt_out', aliases: ['CASL Opt Out', 'CASL Opt-Out', 'CASL Optout', 'CASL'] },
  { field: 'mail_on', aliases: ['Mail OK', 'Mail On', 'Mailing OK', 'Address OK', 'OK to Mail'] },
  { field: 'home_phone_on', aliases: ['Home Phone OK', 'Home OK', 'Home Phone On', 'OK to Call Home'] },
  { field: 'work_phone_on', aliases: ['Work Phone OK', 'Work OK', 'Work Phone On', 'Business Phone OK'] },
  { field: 'cell_phone_on', aliases: ['Cell OK', 'Cell Phone OK', 'Cell On', 'Mobile OK', 'OK to Call Cell'] },
  { field: 'email_on', aliases: ['Email OK', 'E-mail OK', 'Email On', 'OK to Email'] },
  // Inverted switches ("Do Not ..."): yes turns the method off. Read into the *_on columns.
  { field: 'home_phone_off', aliases: ['Do Not Call Home', 'DNC Home', 'No Call Home'] },
  { field: 'work_phone_off', aliases: ['Do Not Call Work', 'DNC Work', 'No Call Work'] },
  { field: 'cell_phone_off', aliases: ['Do Not Call Cell', 'DNC Cell', 'Do Not Call Mobile', 'No Call Cell'] },
  { field: 'email_off', aliases: ['Do Not Email', 'Do Not E-mail', 'DNE', 'No Email'] },
  ...CONSENT_FIELDS,
] as const satisfies readonly FieldSpec<string>[];

export type CustomerField = (typeof CUSTOMER_FIELDS)[number]['field'];
