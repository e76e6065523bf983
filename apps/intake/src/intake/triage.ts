import { Injectable, OnModuleInit } from '@nestjs/common';
import { CategoryClassifier } from '../triage/classifier';
import { assessSeverity } from '../triage/severity';
import { trained } from '../triage/severity.learned';
import { DispatchPlanner } from '../dispatch/dispatch-planner';
import { invalid } from '@fq/domain';
import type { TriageOutcome } from '../shared/triage-outcome';
import { IntakeRequest } from './intake-request';

/** Below this confidence a suggestion is shown to the dispatcher but not taken as the category. */
export const TAKE_SUGGESTION_AT = 0.5;

/** 研判: category (the operator's, else a confident suggestion), urgency, size, report-upward flag. */
@Injectable()
export class Triage implements OnModuleInit {
  constructor(
    private readonly classifier: CategoryClassifier,
    private readonly planner: DispatchPlanner,
  ) {}

  /** The severity model trains at boot, not on the first request. */
  onModuleInit(): void {
    trained();
  }

  async assess(req: IntakeRequest): Promise<TriageOutcome> {
    const text = `${req.title}\n${req.description}`;
    const [best] = this.classifier.suggest(text);
    const suggestion = best ? { code: best.categoryCode, name: best.name, confidence: best.confidence } : null;
    if (req.categoryCode) await this.mustExist(req.categoryCode);
    const severity = assessSeverity(text, req.peopleCount ? { peopleCount: req.peopleCount } : undefined);
    const [categoryCode, categorySource]: [string | null, TriageOutcome['categorySource']] = req.categoryCode
      ? [req.categoryCode, 'operator']
      : suggestion && suggestion.confidence >= TAKE_SUGGESTION_AT
        ? [suggestion.code, 'classifier']
        : [null, 'none'];
    return {
      categoryCode,
      categorySource,
      suggestion,
      urgency: req.urgency ?? severity.urgency,
      size: req.size ?? severity.size,
      reportUpward: Boolean(req.reportUpward) || severity.reportUpward,
      handOff: req.outcome?.handOff ?? severity.handOff,
      reasons: severity.reasons,
      detected: { urgency: severity.urgency, size: severity.size, reportUpward: severity.reportUpward, handOff: severity.handOff },
      operator: Object.fromEntries(
        Object.entries({ category: req.categoryCode ?? undefined, urgency: req.urgency, size: req.size, reportUpward: req.reportUpward }).filter(([, v]) => v !== undefined),
      ),
    };
  }

  private async mustExist(code: string): Promise<void> {
    const categories = await this.planner.categories();
    if (!categories.some((c) => c.code === code)) {
      throw invalid('UNKNOWN_CATEGORY', `There is no category "${code}"; GET /api/v1/categories on admin lists them (e.g. C02-01 道路照明).`);
    }
  }
}
