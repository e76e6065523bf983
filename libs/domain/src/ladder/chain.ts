import { LEVELS, Level } from '../case';

/** A unit that can hold a case at some level. */
export interface UnitRef {
  code: string;
  name: string;
}

/**
 * The units above a case's grid, found at intake: whoever holds each level. The conference is
 * convened by the district centre; leader handling (领导包案) sits on the district's leader desk.
 */
export interface UnitChain {
  grid?: UnitRef;
  village?: UnitRef;
  town?: UnitRef;
  district: UnitRef;
}

/** The level above, or undefined at the top (leader handling). 小事不出村、大事不出镇、难事不出县. */
export function nextLevel(level: Level): Level | undefined {
  return LEVELS[LEVELS.indexOf(level) + 1];
}

/** The first level at or above `from` that has a unit in the chain (a case outside any grid starts at the district). */
export function levelWithUnit(from: Level, chain: UnitChain): { level: Level; unit: UnitRef } {
  for (let i = LEVELS.indexOf(from); i < LEVELS.length; i++) {
    const level = LEVELS[i];
    const unit = unitFor(level, chain);
    if (unit) return { level, unit };
  }
  return { level: 'leader', unit: unitFor('leader', chain) as UnitRef };
}

export function unitFor(level: Level, chain: UnitChain): UnitRef | undefined {
  switch (level) {
    case 'grid':
    case 'village':
    case 'town':
      return chain[level];
    case 'district':
      return chain.district;
    case 'conference':
      return { code: chain.district.code, name: `${chain.district.name}联席会议` };
    case 'leader':
      return { code: chain.district.code, name: `${chain.district.name}领导包案` };
  }
}

/** One level up from `level`, skipping levels without a unit; undefined at the top. */
export function escalationTarget(level: Level, chain: UnitChain): { level: Level; unit: UnitRef } | undefined {
  const up = nextLevel(level);
  return up ? levelWithUnit(up, chain) : undefined;
}
