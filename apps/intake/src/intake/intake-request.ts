import type { Channel, EmergencyService, Level, NonDispatchOutcome, SizeClass, UnitRef, UrgencyClass } from '@fq/domain';
import type { Disposition, TriageRecord } from '../shared/case.entity';
import type { TriageOutcome } from '../shared/triage-outcome';
import type { Requester } from '../residents/residents.service';
import type { Place } from '../shared/request-fields';

/** What every channel hands to intake once its own fields are checked (一平台统一受理). */
export interface IntakeRequest {
  channel: Channel;
  title: string;
  description: string;
  /** The operator's category; without one the classifier's suggestion is taken when it is confident. */
  categoryCode?: string | null;
  /** The operator's judgement; without it triage detects urgency and size from the text. */
  urgency?: UrgencyClass;
  size?: SizeClass;
  /** The operator may flag a matter for reporting upward; triage may flag it too. */
  reportUpward?: boolean;
  location?: { lat: number; lng: number; address?: string } | null;
  /** Where, in words only, when there are no coordinates: kept on the case; triage cannot place it in a grid. */
  address?: string;
  requester?: Requester | null;
  /** Others who filed it together (a petition's other representatives): each gets a file and a contact. */
  coRequesters?: Requester[];
  /** Ids of photos and documents uploaded before (POST /api/v1/attachments). */
  attachments?: string[];
  /** The channel's own record: a petition's 信访 fields, an opinion item's source, the patrol's reporter. */
  details?: Record<string, object | string | number | boolean | null>;
  /** A request that is recorded but not dispatched, with its reason. */
  outcome?: { kind: NonDispatchOutcome; reason: string; handOff?: EmergencyService };
  /** People who came together (a petition's 人数); raises the size class. */
  peopleCount?: number;
  /** Staff judged it a matter of its own (不并单): no linking to an open case, no cluster. */
  separate?: boolean;
  /** Another system's id for the request: the same one twice is one case. */
  external?: { source: string; id: string };
}

/** What intake answers: the case the request now belongs to, and how triage placed it. */
export interface IntakeResult {
  caseNumber: string;
  /** Given once, to a requester of a new case: with the number it opens the case without an account. */
  queryCode: string | null;
  /** linked: the same requester's same matter is already open under caseNumber. */
  disposition: Disposition | 'linked';
  status: string;
  mergedInto: string | null;
  clusterId: string | null;
  /** The grid the case was placed in; null when neither its point nor its address lies in one. */
  gridCode: string | null;
  level: Level | null;
  unit: UnitRef | null;
  repeatRequester: boolean;
  triage: TriageOutcome;
  /** The case this request's attachments now belong to (a linked repeat's go to the case it repeats); null without attachments. */
  attachedTo: string | null;
  /** How the case's place was found: coordinates, a known address its words named (with the name), or not at all. */
  located: NonNullable<TriageRecord['located']>;
}

/** Coordinates as the location (with their address), or the address in words alone for the address book to place. */
export function placeOf(p: Place | undefined): Pick<IntakeRequest, 'location' | 'address'> {
  if (p?.lat !== undefined && p.lng !== undefined) return { location: { lat: p.lat, lng: p.lng, ...(p.address ? { address: p.address } : {}) } };
  return { location: null, ...(p?.address ? { address: p.address } : {}) };
}
