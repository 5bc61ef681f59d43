import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** CCM is a US Medicare program: numbers written without a country code are read as US numbers. */
const DEFAULT_COUNTRY: CountryCode = 'US';

/**
 * A North American number with a plausible area code. libphonenumber calls
 * numbers such as (555) 123-4567 invalid, but practices use 555 numbers for
 * testing and training, so any ten-digit number whose area code does not start
 * with 0 or 1 is accepted.
 */
const NANP_SHAPE = /^\+1([2-9]\d{2})(\d{3})(\d{4})$/;

/**
 * Reads a phone number written in any common way ("(555) 123-4567",
 * "555.123.4567", "+1 555 123 4567") and returns it in E.164, or null when it
 * is not a number that can exist.
 */
export function toE164(input: string, country: CountryCode = DEFAULT_COUNTRY): string | null {
  // Twilio sends every North American number in exactly this form: skip the (costly) full parse.
  if (NANP_SHAPE.test(input)) return input;
  const parsed = parsePhoneNumberFromString(input.trim(), country);
  if (!parsed) return null;
  return parsed.isValid() || NANP_SHAPE.test(parsed.number) ? parsed.number : null;
}

/** "+15551234567" -> "(555) 123-4567" for North American numbers, international format otherwise. */
export function formatForReading(e164: string): string {
  const nanp = NANP_SHAPE.exec(e164);
  if (nanp) return `(${nanp[1]}) ${nanp[2]}-${nanp[3]}`;
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.formatInternational();
}
