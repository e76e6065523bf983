import { SIZE_CLASSES, URGENCIES } from '@fq/domain';
import { z } from 'zod';
import { attachmentsSchema, categorySchema, idNumberSchema, locationSchema, outcomeSchema, phoneSchema, placeSchema, textSchema, titleSchema } from '../shared/request-fields';

const name = z.string().trim().min(1, 'must not be empty').max(100);
const triageOverrides = {
  category: categorySchema.optional(),
  urgency: z.enum(URGENCIES).optional(),
  size: z.enum(SIZE_CLASSES).optional(),
  reportUpward: z.boolean().optional(),
  /** Staff judged it a matter of its own (不并单): no linking, no cluster. */
  separate: z.boolean().optional(),
};

/** 12345 hotline: the operator either registers the call or closes it on the spot with the reason. */
export const hotlineCallSchema = z.strictObject({
  caller: z.strictObject({
    name,
    phone: phoneSchema,
    /** The number came from caller ID (来电显示), so it is verified. */
    callerId: z.boolean().default(true),
  }),
  title: titleSchema.optional(),
  text: textSchema,
  location: placeSchema.optional(),
  ...triageOverrides,
  /** Set when the call is not dispatched: answered on the spot (咨询), court/arbitration, 110/119/120, illegal. */
  outcome: outcomeSchema.optional(),
});

/** The resident's own form ("我要报事", reached by a QR code): no account needed. */
export const webReportSchema = z.strictObject({
  text: z.string().trim().min(5, 'tell us a little more: at least 5 characters').max(5000),
  title: titleSchema.optional(),
  location: placeSchema.optional(),
  contact: z.strictObject({ name, phone: phoneSchema }),
  attachments: attachmentsSchema.optional(),
  /** Which QR code was scanned (a poster in a grid, a community notice board). */
  qr: z.string().trim().max(100).optional(),
});

/** The walk-in petition window (信访窗口): what a 信访 record needs. */
export const petitionSchema = z.strictObject({
  form: z.enum(['visit', 'letter']),
  petitioners: z
    .array(z.strictObject({ name, idNumber: idNumberSchema, phone: phoneSchema, address: z.string().trim().min(2).max(300) }))
    .min(1, 'name at least one petitioner')
    .max(5, 'a group elects at most 5 representatives (信访工作条例); record the others in visitorCount'),
  /** People who came (走访人数); 5 or more is a collective visit (集体访). */
  visitorCount: z.number().int().min(1).max(10_000),
  title: titleSchema,
  /** The matter and its facts (信访事项). */
  matter: textSchema,
  /** What the petitioners ask for (诉求). */
  demands: z.string().trim().min(2, 'must say what the petitioners ask for').max(5000),
  location: placeSchema.optional(),
  /** Bodies the matter was raised with before (已向何机关反映). */
  raisedBefore: z.array(z.string().trim().min(2).max(200)).max(20).default([]),
  /** Scanned letters and evidence. */
  attachments: attachmentsSchema.optional(),
  ...triageOverrides,
  outcome: outcomeSchema.optional(),
});

/** A grid worker's patrol report (巡查上报): a photo, where, what. */
export const patrolReportSchema = z.strictObject({
  text: textSchema,
  title: titleSchema.optional(),
  location: locationSchema,
  attachments: attachmentsSchema.min(1, 'a patrol report carries at least one photo'),
  /** Solved on the spot by the worker (随手解决): recorded, not dispatched. */
  solvedOnSpot: z.string().trim().min(2).max(2000).optional(),
  ...triageOverrides,
});

/** A public-opinion item (舆情): becomes a case when it names a matter to handle, else an alert. */
export const opinionItemSchema = z.strictObject({
  source: z.string().trim().min(1).max(100),
  link: z.string().trim().url('must be the item\'s web address').max(2000),
  title: titleSchema,
  text: textSchema,
  publishedAt: z.string().datetime({ offset: true }).optional(),
  /** Views, reposts or comments when it was seen. */
  reach: z.number().int().min(0).optional(),
  location: locationSchema.optional(),
  /** Force the choice; otherwise: a case when located or categorised with confidence, else an alert. */
  as: z.enum(['case', 'alert']).optional(),
  ...triageOverrides,
});

/** A dispatcher turns an opinion alert into a case: the category and place they found; the alert's text unless overridden. */
export const alertCaseSchema = z.strictObject({
  ...triageOverrides,
  category: categorySchema,
  location: placeSchema,
  title: titleSchema.optional(),
  description: textSchema.optional(),
});

/** A dispatcher dismisses an alert, saying why. */
export const alertDismissalSchema = z.strictObject({
  reason: z.string().trim().min(2, 'must say why the alert needs no case, e.g. 已核实不实 or 与本辖区无关').max(500),
});

export const alertListSchema = z.strictObject({
  state: z.enum(['open', 'converted', 'dismissed', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A message on fq.intake.external.v1 from another department's system. */
export const externalRequestSchema = z.strictObject({
  source: z.string().trim().min(1).max(100),
  externalId: z.string().trim().min(1).max(200),
  title: titleSchema,
  description: textSchema,
  category: categorySchema.optional(),
  urgency: z.enum(URGENCIES).optional(),
  location: placeSchema.optional(),
  requester: z.strictObject({ name, phone: phoneSchema, phoneVerified: z.boolean().default(false) }).optional(),
});

export type HotlineCall = z.infer<typeof hotlineCallSchema>;
export type WebReport = z.infer<typeof webReportSchema>;
export type Petition = z.infer<typeof petitionSchema>;
export type PatrolReport = z.infer<typeof patrolReportSchema>;
export type OpinionItem = z.infer<typeof opinionItemSchema>;
export type ExternalRequest = z.infer<typeof externalRequestSchema>;
export type AlertCase = z.infer<typeof alertCaseSchema>;
export type AlertDismissal = z.infer<typeof alertDismissalSchema>;
export type AlertList = z.infer<typeof alertListSchema>;
