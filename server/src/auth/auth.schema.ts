import { z } from 'zod';

/** Roles, lowest first: viewer reads, editor also changes and runs, admin also manages credentials, users, tokens and reads the audit log. */
export const RoleSchema = z.enum(['viewer', 'editor', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** At least 12 characters: long passphrases beat composition rules. */
export const PasswordSchema = z.string().min(12, 'use at least 12 characters').max(256);

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254));

export const LoginSchema = z.object({ email: z.string().trim().toLowerCase().min(1).max(254), password: z.string().min(1).max(256) });
export type Login = z.infer<typeof LoginSchema>;

export const ChangePasswordSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: PasswordSchema });
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;

/** The caller: who is signed in (or whose token is used) and with which role. */
export const MeSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** `session` for the web app, `token` for automation (the token's role, capped by its owner's). */
  via: z.enum(['session', 'token']),
});
export type Me = z.infer<typeof MeSchema>;

export const UserViewSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  lastSignInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof UserViewSchema>;

export const CreateUserSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1).max(200).optional(),
  role: RoleSchema,
  password: PasswordSchema,
});
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: RoleSchema.optional(),
    /** Disabling signs the user out everywhere and stops their tokens. */
    disabled: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'give at least one of name, role, disabled');
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

export const ResetPasswordSchema = z.object({ password: PasswordSchema });
export type ResetPassword = z.infer<typeof ResetPasswordSchema>;

export const TokenViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: RoleSchema,
  userId: z.uuid(),
  userEmail: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type TokenView = z.infer<typeof TokenViewSchema>;

export const CreateTokenSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** No higher than the creator's own role. */
  role: RoleSchema,
  /** Days until it stops working (1 to 366). */
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
export type CreateToken = z.infer<typeof CreateTokenSchema>;

/** The only answer that carries the token itself: it is stored as a hash and never shown again. */
export const CreatedTokenSchema = TokenViewSchema.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
