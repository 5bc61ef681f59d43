/** The frame of every page: header, navigation, the live channel, the idle warning. */
import type { ActiveSession } from './sign-in.js';
import { csrfField, html, type Html } from './html.js';

export interface PageOptions {
  title: string;
  session: ActiveSession | null;
  /** The practice's name, shown in the header. */
  practiceName?: string;
  /** Which navigation item is current. */
  current?: 'today' | 'patients' | 'enrolment' | 'months' | 'outbound' | 'admin';
  /** Today listens for new urgent alerts. */
  liveAlerts?: boolean;
  body: Html;
}

const NAV: readonly [PageOptions['current'], string, string][] = [
  ['today', '/app', 'Today'],
  ['patients', '/app/patients', 'Patients'],
  ['enrolment', '/app/enrolment', 'Enrolment'],
  ['months', '/app/months', 'Months'],
  ['outbound', '/app/outbound', 'Sent texts'],
  ['admin', '/app/admin', 'Admin'],
];

export function page(o: PageOptions): string {
  const s = o.session;
  const nav = s
    ? html`<nav aria-label="Main"><ul>${NAV.filter(([key]) => key !== 'admin' || s.user.role === 'admin').map(
        ([key, href, label]) => html`<li><a href="${href}"${key === o.current ? html` aria-current="page"` : ''}>${label}</a></li>`,
      )}</ul></nav>
      <form method="post" action="/app/sign-out" class="sign-out">${csrfField(s.csrfToken)}<span>${s.user.name}</span> <button type="submit">Sign out</button></form>`
    : '';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · ccm-bot</title>
<link rel="stylesheet" href="/app/assets/app.css">
<script src="/app/assets/app.js" defer></script>
</head>
<body${s ? html` data-csrf="${s.csrfToken}" data-live="${o.liveAlerts ? 'alerts' : 'session'}"` : ''}>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><span class="brand">ccm-bot${o.practiceName ? html` · ${o.practiceName}` : ''}</span>${nav}</header>
<main id="main" tabindex="-1">
<h1>${o.title}</h1>
${o.body}
</main>
<div id="idle-warning" class="idle" role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-text" hidden>
  <h2 id="idle-title">Still there?</h2>
  <p id="idle-text">For patients' privacy you will be signed out in <span data-idle-left>2 minutes</span> without activity.</p>
  <button type="button" data-stay>Stay signed in</button>
</div>
<div class="sr-only" aria-live="polite" id="announcer"></div>
</body>
</html>`.value;
}
