/** Who acts on an alert or a text, as an API body may name them (actions/access.ts decides who it is). */
import { z } from 'zod';

export const ActorSchema = z.object({
  coordinatorId: z
    .uuid('must be a coordinator id')
    .optional()
    .describe('Who acts; needed unless the API key belongs to a coordinator'),
});
