import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { durationMs } from '@fq/domain';
import { ConferenceInput, ConferenceResult, ConferenceState, conferenceStateQuery, decideUpdate, reportUpdate } from './conference.messages';

const refuse = (code: string, message: string): never => {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
};

/**
 * A joint conference (联席会议): one unit convenes, several departments must report within their
 * deadline, then the convener records a decision and the handling units. A department that does
 * not report in time, or no decision in time, fails the conference (the case goes to leader handling).
 */
export async function jointConferenceWorkflow(input: ConferenceInput): Promise<ConferenceResult> {
  const started = Date.now();
  const state: ConferenceState = { input, reports: [], reportBy: new Date(started + durationMs(input.reportWithin)).toISOString() };
  const invited = new Set(input.departments.map((d) => d.code));
  const reported = () => state.reports.length === invited.size;

  setHandler(conferenceStateQuery, () => state);
  setHandler(
    reportUpdate,
    (r) => {
      state.reports.push({ ...r, at: new Date(Date.now()).toISOString() });
      return state;
    },
    {
      validator: (r) => {
        if (!invited.has(r.unitCode)) refuse('NOT_INVITED', `Unit ${r.unitCode} was not called to this conference.`);
        if (state.reports.some((x) => x.unitCode === r.unitCode)) refuse('ALREADY_REPORTED', `Unit ${r.unitCode} has already reported.`);
        if (state.result || Date.now() > Date.parse(state.reportBy)) refuse('REPORTING_CLOSED', 'Reporting for this conference is closed.');
        if (!r.report.trim()) refuse('REPORT_REQUIRED', 'Say what the department found and will do.');
      },
    },
  );
  setHandler(
    decideUpdate,
    (d) => {
      state.result = { outcome: 'decided', decision: d.decision, handlingUnits: d.handlingUnits, reports: state.reports };
      return state;
    },
    {
      validator: (d) => {
        if (!reported()) refuse('REPORTS_MISSING', 'Every department must report before the conference decides.');
        if (state.result) refuse('ALREADY_DECIDED', 'The conference has already ended.');
        if (!d.handlingUnits.length || !d.decision.trim()) refuse('DECISION_INCOMPLETE', 'Record the decision and at least one handling unit.');
      },
    },
  );

  const allIn = await condition(reported, Math.max(Date.parse(state.reportBy) - Date.now(), 1));
  if (!allIn) {
    const missing = [...invited].filter((code) => !state.reports.some((r) => r.unitCode === code));
    state.result = { outcome: 'failed', reason: 'reports-missing', missing, reports: state.reports };
    return state.result;
  }
  state.decideBy = new Date(Date.now() + durationMs(input.decideWithin)).toISOString();
  const decided = await condition(() => state.result !== undefined, durationMs(input.decideWithin));
  if (!decided) state.result = { outcome: 'failed', reason: 'no-decision', missing: [input.convener.code], reports: state.reports };
  return state.result as ConferenceResult;
}
