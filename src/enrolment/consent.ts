/**
 * CCM consent for enrolment campaigns: the consent text's versions, the
 * consent page's link and its reminder, the page itself (channel-free), and
 * recording a consent, a no or a revocation. Re-exported by index.ts.
 */
export { CONSENT_ELEMENTS, type CcmConsent, type ConsentElement, type ConsentLanguage, type ConsentLink, type ConsentText } from '../store/consents.js';
export { composeConsentBody, consentShown, currentConsentText, DEFAULT_TEXT_AUTHOR, elementShown, publishConsentText, sha256Hex } from './consent-text.js';
export {
  CONSENT_LAPSE_AFTER_MS,
  CONSENT_LINK_LIFETIME_MS,
  CONSENT_REMINDER_AFTER_MS,
  consentLinkShown,
  lapseConsent,
  remindConsent,
  sendConsentLink,
} from './consent-link.js';
export { declineInvitation, endOfMonthOn, missingElements, recordConsent, revokeConsent, SIGNED_ON_PAGE, type RecordConsentInput } from './consent-record.js';
export {
  CONSENT_VISIT_LIFETIME_MS,
  declineConsent,
  DECLINED_ON_PAGE,
  openConsentLink,
  showConsent,
  signConsent,
  type ConsentErrors,
  type ConsentOutcome,
  type ConsentPageState,
  type ConsentPostResult,
} from './consent-visit.js';
