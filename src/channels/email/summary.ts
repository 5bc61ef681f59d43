/**
 * The monthly summary rendered: as a web page (behind the email's link,
 * printable), and as an email with a text and an HTML part. By default the
 * email only says the summary is ready and links to it; the whole summary is
 * in the email only for a patient who chose that after being told plain
 * email is not private. Nothing about health is in the subject line.
 */
import { html, type Html } from '../../html.js';
import { formatForReading } from '../../phone.js';
import type { CareSummary, SummaryLocale } from '../../records/care-summary.js';
import { formDocument } from '../form/page.js';

const WORDS = {
  en: {
    subject: (practice: string) => `Your monthly summary from ${practice}`,
    title: 'Your monthly summary',
    hello: (name: string) => `Hello ${name},`,
    ready: (practice: string) => `Your monthly summary from ${practice} is ready. It has your care plan, your medicines and your next appointments.`,
    open: 'See your summary',
    linkLasts: 'The link works for 30 days.',
    problems: 'What we are caring for',
    goals: 'Your goals',
    plannedCare: 'What we plan to do',
    medicines: 'Your medicines',
    at: (times: string) => `at ${times}`,
    appointments: 'Your next appointments',
    noAppointments: 'No appointments are booked. Call us to make one.',
    month: 'This month',
    whoToCall: 'Who to call',
    call: (phone: string) => `Questions or problems: call us at ${phone}.`,
    emergency: 'In an emergency, call 911.',
    notPrivate: 'You asked for your summary by email. Plain email is not private.',
    unsubscribe: 'Stop these emails',
    none: 'None on file.',
  },
  es: {
    subject: (practice: string) => `Su resumen del mes de ${practice}`,
    title: 'Su resumen del mes',
    hello: (name: string) => `Hola ${name}:`,
    ready: (practice: string) => `Su resumen del mes de ${practice} está listo. Tiene su plan de cuidado, sus medicinas y sus próximas citas.`,
    open: 'Ver su resumen',
    linkLasts: 'El enlace funciona por 30 días.',
    problems: 'Lo que estamos cuidando',
    goals: 'Sus metas',
    plannedCare: 'Lo que vamos a hacer',
    medicines: 'Sus medicinas',
    at: (times: string) => `a las ${times}`,
    appointments: 'Sus próximas citas',
    noAppointments: 'No tiene citas. Llámenos para hacer una.',
    month: 'Este mes',
    whoToCall: 'A quién llamar',
    call: (phone: string) => `Si tiene preguntas o problemas, llámenos al ${phone}.`,
    emergency: 'En una emergencia, llame al 911.',
    notPrivate: 'Usted pidió su resumen por correo electrónico. El correo electrónico común no es privado.',
    unsubscribe: 'No recibir más correos',
    none: 'No hay nada anotado.',
  },
} as const;

export const summarySubject = (summary: Pick<CareSummary, 'locale' | 'practice'>) => WORDS[summary.locale].subject(summary.practice.name);

/** The summary's sections: a heading and its lines, the same in every rendering. */
function sections(s: CareSummary): Array<{ heading: string; lines: string[] }> {
  const w = WORDS[s.locale];
  const or = (lines: string[], empty: string) => (lines.length > 0 ? lines : [empty]);
  return [
    { heading: w.month, lines: s.highlights },
    { heading: w.medicines, lines: or(s.medicines.map((m) => `${m.name} ${m.dose}${m.times.length ? `, ${w.at(m.times.join(', '))}` : ''}`), w.none) },
    { heading: w.appointments, lines: or(s.appointments.map((a) => `${a.when}: ${a.withWhom}, ${a.location}`), w.noAppointments) },
    { heading: w.problems, lines: or(s.problems, w.none) },
    { heading: w.goals, lines: or(s.goals, w.none) },
    { heading: w.plannedCare, lines: or(s.plannedCare, w.none) },
    { heading: w.whoToCall, lines: [w.call(formatForReading(s.practice.phone)), w.emergency] },
  ];
}

const sectionsHtml = (s: CareSummary): Html =>
  html`${sections(s).map(
    (section) => html`<section>
<h2>${section.heading}</h2>
<ul>${section.lines.map((line) => html`<li>${line}</li>`)}</ul>
</section>
`,
  )}`;

/** The summary as a page (behind the email's link): the patient's copy of their care plan, printable. */
export function renderSummaryPage(s: CareSummary, assets: { stylesheet: string; icon: string }): Html {
  const w = WORDS[s.locale];
  const main = html`<h1>${w.title}</h1>
<p>${w.hello(s.firstName)}</p>
${sectionsHtml(s)}`;
  return formDocument({ locale: s.locale, practice: s.practice, stylesheet: assets.stylesheet, icon: assets.icon, title: w.title, main });
}

export interface SummaryEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The email: with `full`, the whole summary (the patient accepted plain
 * email); otherwise that it is ready, with the link. `link` and
 * `unsubscribe` are the addresses as stored (their tokens are added as the
 * email is sent).
 */
export function renderSummaryEmail(s: CareSummary, o: { full: boolean; link: string; unsubscribe: string }): SummaryEmail {
  const w = WORDS[s.locale as SummaryLocale];
  const phone = formatForReading(s.practice.phone);
  const intro = o.full ? [w.hello(s.firstName), w.notPrivate] : [w.hello(s.firstName), w.ready(s.practice.name)];
  const body = o.full ? sections(s).flatMap((sec) => [sec.heading.toUpperCase(), ...sec.lines.map((l) => `- ${l}`), '']) : [`${w.open}: ${o.link}`, w.linkLasts, ''];
  const text = [...intro, '', ...body, w.call(phone), w.emergency, '', `${w.unsubscribe}: ${o.unsubscribe}`].join('\n');
  const htmlPart = html`<!doctype html>
<html lang="${s.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${w.title}</title></head>
<body>
${intro.map((line) => html`<p>${line}</p>`)}
${o.full ? sectionsHtml(s) : html`<p><a href="${o.link}">${w.open}</a></p><p>${w.linkLasts}</p>`}
<p>${w.call(phone)} ${w.emergency}</p>
<p><a href="${o.unsubscribe}">${w.unsubscribe}</a></p>
</body></html>`;
  return { subject: summarySubject(s), text, html: htmlPart.toString() };
}
