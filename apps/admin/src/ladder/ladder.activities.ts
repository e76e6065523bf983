import { rethrowForActivity } from '@fq/temporal';
import { AdminActivities } from '@fq/workflows';
import { CalendarService } from '../calendar/calendar.service';
import { SlaService } from '../sla/sla.service';

/** Years of calendar a case carries: limits run up to 60 days + 30 extension, so this year and the next. */
const CALENDAR_YEARS = 2;

/** Admin's activities for the case workflow: the rule in force, with the calendar it needs. */
export function adminActivities(sla: SlaService, calendar: CalendarService): AdminActivities {
  return {
    async resolveSlaPolicy(facts) {
      const at = new Date(facts.at);
      const rule = await sla.resolve({ channel: facts.channel, categoryCode: facts.categoryCode, urgency: facts.urgency }, at).catch(rethrowForActivity);
      const year = Number(new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 4)); // the year in China
      return { ...rule, calendar: await calendar.snapshot(year, year + CALENDAR_YEARS - 1) };
    },
  };
}
