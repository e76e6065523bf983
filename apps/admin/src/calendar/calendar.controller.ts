import { Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@fq/auth';
import { invalid } from '@fq/domain';
import { DocParam, ZodBody } from '@fq/http';
import { z } from 'zod';
import { CalendarService, MAX_YEAR, MIN_YEAR } from './calendar.service';

/** A snapshot covers a limit's whole life; decades are plenty and keep the answer small. */
const MAX_SPAN_YEARS = 50;

const replaceBody = z.strictObject({
  days: z
    .array(
      z.strictObject({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as yyyy-mm-dd'),
        kind: z.enum(['holiday', 'workday']),
        name: z.string().trim().min(1).max(100).nullable().default(null),
      }),
    )
    .max(366),
});
type ReplaceBody = z.infer<typeof replaceBody>;

/** Years come in the path and the query; one code for every bad one, so clients can tell it from a bad body. */
function parseYear(raw: string | undefined, what: string): number {
  const year = /^\d{4}$/.test(raw ?? '') ? Number(raw) : NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw invalid('INVALID_YEAR', `${what} must be a year from ${MIN_YEAR} to ${MAX_YEAR}, not ${JSON.stringify(raw ?? null)}.`);
  return year;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOperation({ summary: 'Holidays and adjusted workdays (调休) of the years from..to, as a CalendarSnapshot.' })
  @ApiQuery({ name: 'from', required: true, schema: { type: 'string', pattern: '^\\d{4}$' }, example: '2025' })
  @ApiQuery({ name: 'to', required: false, schema: { type: 'string', pattern: '^\\d{4}$' }, example: '2027' })
  snapshot(@Query('from') from?: string, @Query('to') to?: string) {
    const fromYear = parseYear(from, 'from');
    const toYear = to === undefined ? fromYear : parseYear(to, 'to');
    if (toYear < fromYear || toYear - fromYear >= MAX_SPAN_YEARS) {
      throw invalid('INVALID_YEAR', `to must be from ${fromYear} to ${fromYear + MAX_SPAN_YEARS - 1}, not ${toYear}.`);
    }
    return this.calendar.snapshot(fromYear, toYear);
  }

  @Get(':year')
  @DocParam('year', z.string().regex(/^\d{4}$/))
  @ApiOperation({ summary: "One year's holidays and adjusted workdays, and whether they are the package's or edited." })
  year(@Param('year') year: string) {
    return this.calendar.year(parseYear(year, 'The year'));
  }

  @Put(':year')
  @DocParam('year', z.string().regex(/^\d{4}$/))
  @Roles('admin')
  @ApiOperation({ summary: "Replace one year's holidays and adjusted workdays (admin; audited)." })
  replace(@Param('year') year: string, @ZodBody(replaceBody) body: ReplaceBody, @CurrentUser() user: Principal) {
    return this.calendar.replaceYear(parseYear(year, 'The year'), body.days, user);
  }
}
