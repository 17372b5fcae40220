// Payloads of every command a client may send, over a socket or HTTP. Each schema is
// strict: unknown keys are refused, so a misspelt field is an error and not a silent no-op.
import { z } from 'zod';

const counterId = z.number().int().positive().max(999);
const ticketId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/);
const serviceId = z.string().min(1).max(40);

export const issueTicketSchema = z.strictObject({
  serviceId,
  priority: z.boolean().optional(),
  priorityCategoryId: z.string().min(1).max(40).optional(),
  /** An officer or the hall guide issuing for a citizen: print it at the kiosk's printer (else it is shown to be photographed). */
  print: z.boolean().optional(),
});

/** A number from a citizen's phone: the field and the phone number the limits count by. */
export const takeByPhoneSchema = z.strictObject({ serviceId, phone: z.string().min(1).max(20) });

export const counterRefSchema = z.strictObject({ counterId });
export const callNumberSchema = z.strictObject({ counterId, label: z.string().min(1).max(12) });
export const noShowSchema = z.strictObject({ counterId, requeue: z.boolean().optional() });
export const transferSchema = z
  .strictObject({ counterId, toServiceId: serviceId.optional(), toCounterId: counterId.optional() })
  .refine((t) => t.toServiceId !== undefined || t.toCounterId !== undefined, {
    message: 'toServiceId or toCounterId is required',
  });
/** A dossier code of the one-stop-shop software ("000.00.12.H23-260315-0001"). */
const dossierCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}._\/-]+$/u, 'mã hồ sơ: chữ, số và . _ / - (dossier code: letters, digits and . _ / -)');

export const finishSchema = z.strictObject({
  counterId,
  /** An id of the centre's outcome list; left out = "chưa phân loại". */
  outcome: z.string().min(1).max(40).optional(),
  dossierCodes: z.array(dossierCode).max(10).optional(),
});
export const pauseSchema = z.strictObject({ counterId, reason: z.string().trim().min(1).max(120) });
export const rateSchema = z.strictObject({
  ticketId,
  score: z.number().int().min(1).max(10),
  reason: z.string().trim().min(1).max(120).optional(),
});
export const watchTicketSchema = z.strictObject({ ticketId });

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(60),
  password: z.string().min(1).max(200),
});
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8, 'Mật khẩu mới tối thiểu 8 ký tự').max(200),
});
export const pairSchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export const pairingCodeRequestSchema = z.strictObject({ deviceId: z.string().min(1).max(40) });

export type IssueTicket = z.infer<typeof issueTicketSchema>;
export type TakeByPhone = z.infer<typeof takeByPhoneSchema>;
export type CounterRef = z.infer<typeof counterRefSchema>;
export type CallNumber = z.infer<typeof callNumberSchema>;
export type NoShow = z.infer<typeof noShowSchema>;
export type Transfer = z.infer<typeof transferSchema>;
export type Pause = z.infer<typeof pauseSchema>;
export type Finish = z.infer<typeof finishSchema>;
export type Rate = z.infer<typeof rateSchema>;
export type WatchTicket = z.infer<typeof watchTicketSchema>;
export type Login = z.infer<typeof loginSchema>;
export type Pair = z.infer<typeof pairSchema>;
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
