import type { Queryable } from './sql.js';

/** The answer given to a webhook request before, by the request's key; null when it is new. */
export async function findWebhookReply(db: Queryable, key: string): Promise<string | null> {
  const { rows } = await db.query<{ response: string }>('SELECT response FROM webhook_replies WHERE request_key = $1', [key]);
  return rows[0]?.response ?? null;
}

/** Keeps the answer to a webhook request, so a repeat of it is answered the same way. */
export async function saveWebhookReply(db: Queryable, key: string, response: string, at: Date): Promise<void> {
  await db.query('INSERT INTO webhook_replies (request_key, response, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    key,
    response,
    at,
  ]);
}
