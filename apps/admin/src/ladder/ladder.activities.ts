import { DomainError, notFound } from '@fq/domain';
import { rethrowForActivity } from '@fq/temporal';
import { AdminActivities } from '@fq/workflows';
import { CalendarService } from '../calendar/calendar.service';
import { SlaService } from '../sla/sla.service';

/** Why a case can have no policy: the workflow waits for one instead of failing (ADR 0015). */
const NO_POLICY = new Set(['SLA_NO_RULE_SET_IN_FORCE', 'SLA_NO_MATCHING_RULE']);
const missing = (e: unknown) => (e instanceof DomainError && NO_POLICY.has(e.code) ? notFound('SLA_POLICY_MISSING', e.message) : e);

/** Years of calendar a case carries: limits run up to 60 days + 30 extension, so this year and the next. */
const CALENDAR_YEARS = 2;

/** Admin's activities for the case workflow: the rule in force, with the calendar it needs. */
export function adminActivities(sla: SlaService, calendar: CalendarService): AdminActivities {
  return {
    async resolveSlaPolicy(facts) {
      const at = new Date(facts.at);
      const rule = await sla.resolve({ channel: facts.channel, categoryCode: facts.categoryCode, urgency: facts.urgency }, at).catch((e: unknown) => rethrowForActivity(missing(e)));
      const year = Number(new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 4)); // the year in China
      return { ...rule, calendar: await calendar.snapshot(year, year + CALENDAR_YEARS - 1) };
    },
  };
}
