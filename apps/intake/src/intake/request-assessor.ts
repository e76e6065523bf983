import { Injectable } from '@nestjs/common';
import { DispatchPlanner } from '../dispatch/dispatch-planner';
import type { DispatchPlan } from '../dispatch/dispatch-plan';
import { AddressBook, Whereabouts } from '../org/address-book';
import { GridLocator, Placement } from '../org/grid-locator';
import type { TriageOutcome } from '../shared/triage-outcome';
import { segment } from '../triage/segmenter';
import type { IntakeRequest } from './intake-request';
import type { Matter } from './matching';
import { Triage } from './triage';

/** What intake knows of a request before it opens its transaction. */
export interface Assessment {
  triage: TriageOutcome;
  where: Whereabouts;
  placement: Placement;
  /** None for a request recorded but not dispatched. */
  plan?: DispatchPlan;
  /** What duplicates and clusters are matched on. */
  matter: Matter;
}

/** Step 1 of intake: triage (or the caller's own), the place from coordinates or a known address, the grid, the dispatch plan. */
@Injectable()
export class RequestAssessor {
  constructor(
    private readonly triage: Triage,
    private readonly addresses: AddressBook,
    private readonly locator: GridLocator,
    private readonly planner: DispatchPlanner,
  ) {}

  async assess(req: IntakeRequest, assessed?: TriageOutcome): Promise<Assessment> {
    const triage = assessed ?? (await this.triage.assess(req));
    const where = await this.addresses.locate(req);
    const placement = await this.locator.place(where.location);
    const plan = req.outcome ? undefined : await this.planner.plan({ categoryCode: triage.categoryCode, size: triage.size, placement });
    const matter = { categoryCode: triage.categoryCode, gridCode: placement.grid?.code ?? null, location: where.location, words: segment(`${req.title} ${req.description}`) };
    return { triage, where, placement, plan, matter };
  }
}
