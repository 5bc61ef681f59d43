/**
 * Logins for the web app (admins): a password stored only as an scrypt hash,
 * and the staff member the login acts as (linked, or made for coordinators
 * and practitioners).
 */
import { z } from 'zod';
import { hashPassword, passwordProblem } from './passwords.js';
import { DomainError } from '../../errors.js';
import { withTransaction } from '../../store/sql.js';
import { findStaff, insertStaff } from '../../store/staff.js';
import { findUserForSignIn, insertUser, type User } from '../../store/users.js';
import { practiceFor, writerLabel } from '../access.js';
import { audit, auditName } from '../audit.js';
import type { ActionContext } from '../context.js';
import { NameSchema } from '../input/primitives.js';

export const USER_ROLES = ['admin', 'coordinator', 'practitioner'] as const;

export const NewUserSchema = z
  .object({
    name: NameSchema,
    email: z.email('must be an email address').max(200),
    role: z.enum(USER_ROLES).describe('admin: manages the practice; coordinator: the day\'s work; practitioner: also approves months'),
    password: z.string().describe('At least 12 characters; not a common password, not the email'),
    staffId: z.uuid().optional().describe('The staff member this login acts as (GET /practices/:id/staff); made for coordinators and practitioners when left out'),
    credential: z.string().trim().min(1).max(20).optional().describe('RN, MA, MD, NP, ... for the staff record made with the login'),
  })
  .strict();
export type NewUserBody = z.infer<typeof NewUserSchema>;

const ADDED = auditName('user.create');

/** The staff record the login acts as: the one named (of this practice), one made for it, or none for a bare admin. */
async function staffFor(tx: Parameters<typeof findStaff>[0], practiceId: string, login: NewUserBody): Promise<string | null> {
  if (login.staffId) {
    if (!(await findStaff(tx, practiceId, login.staffId))) {
      throw new DomainError('validation_failed', 'no staff member with this id works at this practice', 'staffId');
    }
    return login.staffId;
  }
  if (login.role === 'admin') return null;
  const role = login.role === 'practitioner' ? 'practitioner' : 'clinical_staff';
  const credential = login.credential ?? (role === 'practitioner' ? 'MD' : 'RN');
  return (await insertStaff(tx, { practiceId, name: login.name, role, credential, email: login.email })).id;
}

export async function addLogin(ctx: ActionContext, input: { practiceId: string; login: NewUserBody }): Promise<User> {
  const practice = await practiceFor(ctx.db.pool, ctx.actor, input.practiceId, 'admin');
  const { login } = input;
  const problem = passwordProblem(login.password, login.email);
  if (problem) throw new DomainError('validation_failed', problem, 'password');
  // Hashing is slow on purpose (~100 ms): done before the transaction, holding no connection.
  const passwordHash = await hashPassword(login.password);
  return withTransaction(ctx.db.pool, async (tx) => {
    if (await findUserForSignIn(tx, login.email)) throw new DomainError('conflict', 'a login with this email exists already', 'email');
    const staffId = await staffFor(tx, practice.id, login);
    const user = await insertUser(tx, { ...login, practiceId: practice.id, staffId, passwordHash, createdBy: writerLabel(ctx.actor), at: ctx.clock.now() });
    await audit(tx, ctx, ADDED, practice.id);
    return user;
  });
}
