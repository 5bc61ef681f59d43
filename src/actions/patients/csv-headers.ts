/** How practice exports head their columns, and the headings the service names when one is missing. */

/** Header spellings seen in practice exports, normalised (lower case, letters and digits only). */
export const HEADER_ALIASES: Record<string, string> = {
  firstname: 'firstName',
  givenname: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  // One column for the whole name, "Alvarez, Ruth" or "Ruth Alvarez".
  patientname: 'fullName',
  patientfullname: 'fullName',
  fullname: 'fullName',
  name: 'fullName',
  namelastfirst: 'fullName',
  patientnamelastfirst: 'fullName',
  phone: 'phone',
  phonenumber: 'phone',
  mobile: 'phone',
  mobilephone: 'phone',
  cell: 'phone',
  cellphone: 'phone',
  dateofbirth: 'dateOfBirth',
  dob: 'dateOfBirth',
  birthdate: 'dateOfBirth',
  timezone: 'timezone',
  tz: 'timezone',
  language: 'language',
  lang: 'language',
  idioma: 'language',
  preferredlanguage: 'language',
  primarylanguage: 'language',
  preferredchannel: 'preferredChannel',
  channel: 'preferredChannel',
  conditions: 'conditions',
  chronicconditions: 'conditions',
  consentstatus: 'consentStatus',
  consent: 'consentStatus',
  consented: 'consentStatus',
  consentgiven: 'consentStatus',
  consentyesno: 'consentStatus',
  consentmethod: 'consentMethod',
  consenttype: 'consentMethod',
  consentrecordedat: 'consentRecordedAt',
  consentdate: 'consentRecordedAt',
  dateconsented: 'consentRecordedAt',
  consentrecordedby: 'consentRecordedBy',
  consentedby: 'consentRecordedBy',
  consentobtainedby: 'consentRecordedBy',
  coordinatorid: 'coordinatorId',
  email: 'email',
  emailaddress: 'email',
  patientemail: 'email',
  emailconsent: 'emailConsent',
};

/** How each column is usually headed, to say which one is missing. */
export const EXPECTED_HEADER: Record<string, string> = {
  firstName: 'First Name',
  lastName: 'Last Name',
  phone: 'Phone',
  consentStatus: 'Consent (granted/declined, or Yes/No)',
  consentMethod: 'Consent Method (verbal/written)',
  consentRecordedAt: 'Consent Date',
  consentRecordedBy: 'Consented By',
};

/** A "Patient Name" column stands for both name columns. */
export const NAME_FIELDS = ['firstName', 'lastName'];
