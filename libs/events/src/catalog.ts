import { CHANNELS, DISPATCH_START_LEVELS, EMERGENCY_SERVICES, LEVELS, NON_DISPATCH_OUTCOMES, SIZE_CLASSES, URGENCIES } from '@fq/domain';
import { z } from 'zod';
import { progress, STEP_DETAILS } from './steps';
import { TOPICS } from './topics';

const latLng = z.object({ lat: z.number(), lng: z.number() });

/** A step of a case on the ladder, announced by the event `STEP_EVENTS[kind]`. */
const step = <D extends z.ZodType>(topic: string, details: D, summary: string) => ({ topic, version: 1, summary, schema: progress(details) });

/**
 * Every event, defined once: topic, version and payload schema. Publishing and handling are
 * type-checked against this map, and `npm run asyncapi` generates docs/asyncapi.yaml from it.
 */
export const EVENTS = {
  'case.registered': {
    topic: TOPICS.case,
    version: 1,
    summary: 'A request was accepted on some channel and got its case number.',
    schema: z.object({
      caseNumber: z.string(),
      channel: z.enum(CHANNELS),
      title: z.string(),
      categoryCode: z.string().nullable(),
      location: latLng.extend({ address: z.string().nullable() }).nullable(),
      gridCode: z.string().nullable(),
      level: z.enum(LEVELS),
      unitCode: z.string(),
      registeredAt: z.string().datetime({ offset: true }),
      /** Triage's judgement (absent in events from before triage assessed them). */
      urgency: z.enum(URGENCIES).optional(),
      size: z.enum(SIZE_CLASSES).optional(),
      /** Must be reported upward at once (群体性事件苗头, casualties, major hazards). */
      reportUpward: z.boolean().optional(),
      /** dispatched (a workflow handles it), merged into a cluster's lead, or a non-dispatch outcome. */
      disposition: z.enum(['dispatched', 'merged', ...NON_DISPATCH_OUTCOMES]).optional(),
      dispositionReason: z.string().nullable().optional(),
      handOff: z.enum(EMERGENCY_SERVICES).nullable().optional(),
      mergedInto: z.string().nullable().optional(),
      clusterId: z.string().uuid().nullable().optional(),
    }),
  },
  'opinion.alerted': {
    topic: TOPICS.notification,
    version: 1,
    summary: 'A public-opinion item (舆情) was recorded as an alert to watch, not a case; reportUpward when it must go upward at once.',
    schema: z.object({
      alertId: z.string().uuid(),
      source: z.string(),
      link: z.string(),
      title: z.string(),
      reportUpward: z.boolean(),
      reasons: z.array(z.string()),
      at: z.string().datetime({ offset: true }),
    }),
  },
  'opinion.alert.converted': {
    topic: TOPICS.notification,
    version: 1,
    summary: 'A dispatcher turned a public-opinion alert into a case, with the category and place they chose.',
    schema: z.object({ alertId: z.string().uuid(), caseNumber: z.string(), by: z.string(), at: z.string().datetime({ offset: true }) }),
  },
  'opinion.alert.dismissed': {
    topic: TOPICS.notification,
    version: 1,
    summary: 'A dispatcher dismissed a public-opinion alert with the reason (已核实不实, 与本辖区无关, ...).',
    schema: z.object({ alertId: z.string().uuid(), reason: z.string(), by: z.string(), at: z.string().datetime({ offset: true }) }),
  },
  'case.repeated': {
    topic: TOPICS.case,
    version: 1,
    summary: 'The requester raised the same matter again while the case is open: linked to it, not opened again (信访工作条例 Art. 19).',
    schema: z.object({ caseNumber: z.string(), channel: z.enum(CHANNELS), at: z.string().datetime({ offset: true }) }),
  },
  'case.separated': {
    topic: TOPICS.case,
    version: 1,
    summary: 'A request wrongly merged into a cluster (拆单) left it: it has its own dispatch plan and workflow from now on; the lead is unchanged.',
    schema: z.object({
      caseNumber: z.string(),
      /** The lead it followed until now, and its cluster. */
      leadCaseNumber: z.string(),
      clusterId: z.string().uuid(),
      reason: z.string(),
      by: z.string(),
      level: z.enum(LEVELS),
      unitCode: z.string(),
      at: z.string().datetime({ offset: true }),
    }),
  },
  'case.assigned': {
    topic: TOPICS.case,
    version: 1,
    summary: 'A work order for the case was created for a handling unit at a level of the ladder.',
    schema: z.object({
      caseNumber: z.string(),
      workOrderId: z.string().uuid(),
      level: z.enum(LEVELS),
      unitCode: z.string(),
      unitName: z.string(),
      assignedAt: z.string().datetime({ offset: true }),
      /** The level's resolve deadline (absent in events from before it was announced). */
      resolveBy: z.string().datetime({ offset: true }).nullable().optional(),
    }),
  },
  'case.signed': step(TOPICS.case, STEP_DETAILS.signed, 'The handling unit signed for the case (签收).'),
  'case.returned': step(TOPICS.case, STEP_DETAILS.returned, 'The unit returned the case as misrouted (退单), with its reason; the centre re-routes it.'),
  'case.extension-requested': step(TOPICS.case, STEP_DETAILS['extension-requested'], 'The unit asked for more time (延期).'),
  'case.extension-decided': step(TOPICS.case, STEP_DETAILS['extension-decided'], 'An extension was granted or refused.'),
  'case.escalated': step(TOPICS.case, STEP_DETAILS.escalated, 'The case moved to another level or unit (提级): on a breach, on purpose, after reopens, a failed conference, or re-routing.'),
  'case.replied': step(TOPICS.case, STEP_DETAILS.replied, 'The unit replied with a result; the requester is asked to rate it.'),
  'case.rated': step(TOPICS.case, STEP_DETAILS.rated, 'The requester (or the callback) rated the reply.'),
  'case.callback-due': step(TOPICS.case, STEP_DETAILS['callback-due'], 'No rating came in time: a callback (回访) is due.'),
  'case.reopened': step(TOPICS.case, STEP_DETAILS.reopened, 'An unsatisfied rating reopened the case (不满意不销号).'),
  'case.closed': step(TOPICS.case, STEP_DETAILS.closed, 'The requester is satisfied, or a callback could not reach them in time: the case is closed (销号).'),
  'case.conference-result-ignored': step(TOPICS.case, STEP_DETAILS['conference-result-ignored'], 'A joint conference ended after the case had already left the conference level (escalated to leader handling): its result is recorded and changes nothing.'),
  'case.withdrawn': step(TOPICS.case, STEP_DETAILS.withdrawn, 'The requester withdrew the case.'),
  'case.supervised': step(TOPICS.supervision, STEP_DETAILS.supervised, 'A supervision order (督办) was issued on the case; it may shorten the deadline.'),
  'sla.changed': step(TOPICS.sla, STEP_DETAILS['sla-changed'], 'A new SLA rule-set version was applied to the running case; time already spent is kept.'),
  'sla.warning': step(TOPICS.sla, STEP_DETAILS['sla-warning'], 'The case passed a warning threshold of its deadline at this level.'),
  'sla.breached': step(TOPICS.sla, STEP_DETAILS['sla-breached'], 'A deadline passed at this level (红色督促警示); the unit loses the points.'),
  'sla.policy-missing': step(
    TOPICS.sla,
    STEP_DETAILS['sla-policy-missing'],
    'No SLA rule applies to the case (no rule set in force, no matching rule): it waits without deadlines until one does; the district centre sees it on its attention list.',
  ),
  'org.unit.defined': {
    topic: TOPICS.org,
    version: 1,
    summary: 'An org unit (district, town, village, grid post, department) was created or changed.',
    schema: z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(['district', 'town', 'village', 'grid', 'department']),
      parentCode: z.string().nullable(),
    }),
  },
  'grid.defined': {
    topic: TOPICS.org,
    version: 1,
    summary: 'A grid and its boundary were created or changed.',
    schema: z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(['base', 'special']),
      villageCode: z.string(),
      townCode: z.string(),
      boundary: z.array(latLng).min(3),
    }),
  },
  'address.defined': {
    topic: TOPICS.org,
    version: 1,
    summary: 'A known address (标准地址: a compound, a village committee, a school) was created or changed; the payload is the whole entry.',
    schema: z.object({
      id: z.string(),
      name: z.string(),
      aliases: z.array(z.string()),
      point: latLng,
      /** Retired entries stay for the record but no longer place requests. */
      active: z.boolean(),
    }),
  },
  'category.defined': {
    topic: TOPICS.org,
    version: 1,
    summary: 'A node of the category tree (class or sub-item) was created or changed; the payload is the whole category.',
    schema: z.object({
      code: z.string(),
      name: z.string(),
      parentCode: z.string().nullable(),
      leadDepartmentCode: z.string().nullable(),
      /** A functional department's matter: its lead department handles it at the district, never lower. */
      departmentMatter: z.boolean(),
      active: z.boolean(),
    }),
  },
  'dispatch.catalogue.defined': {
    topic: TOPICS.org,
    version: 1,
    summary: 'A new version of the dispatch catalogue (where a case starts by category, town and size) replaced the previous one.',
    schema: z.object({
      version: z.number().int().positive(),
      entries: z.array(
        z.object({
          id: z.string(),
          category: z.string(),
          area: z.string(),
          size: z.enum([...SIZE_CLASSES, '*']),
          start: z.enum(DISPATCH_START_LEVELS),
          handler: z.union([z.literal('area'), z.literal('lead-department'), z.object({ unitCode: z.string() })]),
          note: z.string().optional(),
        }),
      ),
    }),
  },
} as const;

export type EventType = keyof typeof EVENTS;
export type EventData<T extends EventType> = z.infer<(typeof EVENTS)[T]['schema']>;

export const isEventType = (t: string): t is EventType => Object.hasOwn(EVENTS, t);
