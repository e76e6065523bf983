import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CalendarDayKind = 'holiday' | 'workday';

/** An exception to the Monday–Friday week: a public holiday, or a weekend day worked instead (调休). */
@Entity({ name: 'calendar_day' })
export class CalendarDay {
  /** yyyy-mm-dd in China Standard Time; text, so no driver ever shifts it by a time zone. */
  @PrimaryColumn({ type: 'text' }) date!: string;
  @Column({ type: 'text' }) kind!: CalendarDayKind;
  /** The festival, e.g. 国庆节 (for a workday: the holiday it makes up for). */
  @Column({ type: 'text', nullable: true }) name!: string | null;
}

/**
 * Which years the calendar defines and where each came from. A year with a row is never seeded
 * again, so an administrator's edit (even to an empty list) survives every later seed.
 */
@Entity({ name: 'calendar_year' })
export class CalendarYear {
  @PrimaryColumn({ type: 'int' }) year!: number;
  @Column({ type: 'text' }) source!: 'package' | 'edited';
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  @Column({ type: 'text' }) updatedBy!: string;
}
