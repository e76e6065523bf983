import type { CaseState } from './state';

/** The state once the work order asked for by an `assign` effect exists (its id comes back from departments). */
export function withWorkOrder(state: CaseState, entry: number, workOrderId: string): CaseState {
  return { ...state, levels: state.levels.map((l, i) => (i === entry ? { ...l, workOrderId } : l)) };
}
