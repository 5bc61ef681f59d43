/**
 * The front desk's texts in the app: each as Today lists it (the patient,
 * their words, what office matter it names, how long it has waited), with
 * its two forms, resolve with what was done and pass on to the care team,
 * which call the same actions as the API.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { passToCareTeam, resolveFrontDeskTextAction } from '../../actions/index.js';
import { DomainError } from '../../errors.js';
import type { FrontDeskText } from '../../store/front-desk.js';
import { age, csrfField, html, localTime, type Html } from '../html.js';
import type { PageDeps } from '../page-deps.js';
import { actionContext } from '../context.js';
import { redirect } from '../session.js';
import { phoneLink } from './alert-context.js';

const TOPIC_WORDS: Record<string, string> = {
  contact_details: 'contact details',
  office_hours: 'hours, place or visit',
  billing: 'billing or insurance',
  records: 'records or forms',
  how_we_write: 'how and when we text',
};

const textId = (request: FastifyRequest) => (request.params as { id?: string }).id ?? '';
const ResolveForm = z.object({ note: z.string().trim().min(1).max(2000) });
const PassForm = z.object({ note: z.string().trim().max(2000).optional() });

/** One text as Today shows it; with the forms when the signed-in user acts as a staff member. */
export function frontDeskItem(text: FrontDeskText, zone: string, now: Date, csrf: string | null): Html {
  const { patient } = text;
  const action = `/app/front-desk/${text.id}`;
  return html`<li data-front-desk>
    <span><a href="/app/patients/${patient.id}"><strong>${patient.lastName}, ${patient.firstName}</strong></a>: ${text.topics.map((t) => TOPIC_WORDS[t] ?? t).join(', ')}</span>
    <q class="patient-text">${text.body}</q>
    <span class="meta"><time datetime="${text.receivedAt}" title="${localTime(text.receivedAt, zone)}">${age(text.receivedAt, now)}</time>
    · ${phoneLink(patient.phone)}${patient.language === 'es' ? ' · Spanish' : ''}</span>
    ${
      csrf
        ? html`<form method="post" action="${action}/resolve" class="inline">${csrfField(csrf)}
          <label for="note-${text.id}">What was done</label> <input id="note-${text.id}" name="note" required maxlength="2000">
          <button type="submit">Resolve</button></form>
        <form method="post" action="${action}/pass" class="inline">${csrfField(csrf)}<button type="submit" class="secondary">Pass to the care team</button></form>`
        : ''
    }
  </li>`;
}

export const frontDeskPages: FastifyPluginAsync<PageDeps> = async (app, { deps }) => {
  app.post('/front-desk/:id/resolve', async (request, reply) => {
    const form = ResolveForm.safeParse(request.body);
    if (!form.success) throw new DomainError('validation_failed', 'Write what was done before resolving the text.');
    await resolveFrontDeskTextAction(actionContext(deps, request), { textId: textId(request), note: form.data.note });
    return redirect(reply, '/app/');
  });

  app.post('/front-desk/:id/pass', async (request, reply) => {
    const form = PassForm.safeParse(request.body ?? {});
    if (!form.success) throw new DomainError('validation_failed', 'The note is too long.');
    await passToCareTeam(actionContext(deps, request), { textId: textId(request), note: form.data.note || undefined });
    return redirect(reply, '/app/');
  });
};
