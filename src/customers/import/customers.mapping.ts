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
] as const satisfies readonly FieldSpec<string>[];

export type CustomerField = (typeof CUSTOMER_FIELDS)[number]['field'];
