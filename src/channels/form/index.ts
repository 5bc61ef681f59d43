/**
 * The form channel: the week-2 questionnaire as web pages, reached by a link
 * texted to the patient. Pure renderers (a view in, a whole HTML document
 * out); the routes, links and answers live with the web layer and the model.
 */
export { renderScreenPage, type ScreenPageView } from './screen.js';
export { renderCrisisPage, renderDonePage, DONE_KINDS, type CrisisPageView, type DonePageView, type DoneKind } from './outcomes.js';
export type { FormPageBase, PracticeContact } from './page.js';
export { FORM_ICON, FORM_STYLESHEET } from './stylesheet.js';
export { renderConsentDonePage, renderConsentPage, CONSENT_DONE_KINDS, type ConsentDoneKind, type ConsentDoneView, type ConsentPageView } from './consent-page.js';
