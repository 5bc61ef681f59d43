/** What the API's routes share in their descriptions: path ids and error responses. Input shapes live with the actions. */
import { z } from 'zod';

export const IdParamsSchema = z.object({ id: z.uuid('must be a UUID') });

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** The error responses every API route can give (the API's 503 when the database is away aside). */
export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
} as const;

/** For routes that can conflict with what exists (a phone already enrolled, a check-in already open). */
export const conflictResponse = { 409: ErrorSchema } as const;

/** What each status means, for the API description. */
export const RESPONSE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the work goes on in the background',
  204: 'Done; no body',
  400: 'The request is not valid: the message names each field and what is wrong with it',
  401: 'No bearer token, or one the service does not know',
  403: 'The token may not do this (an admin key is needed, or it is the admin token only)',
  404: 'Not found, or it belongs to another practice',
  409: 'It conflicts with what exists: the message says with what',
  413: 'The body is too large',
  415: 'The body is not in the content type this route takes',
  502: "The practice's EHR did not answer or refused: the message says which; nothing was saved",
  503: 'The database is not answering: try again shortly (see Retry-After)',
};
