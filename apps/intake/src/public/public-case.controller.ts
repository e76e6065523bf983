import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@fq/auth';
import { CASE_NUMBER_PATTERN } from '@fq/domain';
import { caseNumberSchema, DocParam, FailureLimit, RateLimit, RateLimitFailures, ZodBody, ZodQuery } from '@fq/http';
import { z } from 'zod';
import { QUERY_CODE_PATTERN, normaliseQueryCode } from '../shared/query-code';
import { PublicCaseService } from './public-case.service';

const code = z
  .string()
  .transform(normaliseQueryCode)
  .refine((c) => QUERY_CODE_PATTERN.test(c), 'must be the 6-character query code you were given (letters and digits)');
const lookSchema = z.strictObject({ code });
/** Wrong codes count per case number, across look-up and rating, so guessing a code is impractical. */
const wrongCodes: FailureLimit = {
  policy: 'wrong-code',
  param: 'number',
  pattern: CASE_NUMBER_PATTERN,
  codes: ['CASE_NOT_FOUND'],
  refusal: 'Too many wrong query codes for this case number',
};
const rateSchema = z.strictObject({ code, rating: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']) });

@ApiTags('residents (no account)')
@Controller('api/v1/public/cases')
@Public()
export class PublicCaseController {
  constructor(private readonly cases: PublicCaseService) {}

  @Get(':number')
  @DocParam('number', caseNumberSchema)
  @RateLimit('public-lookup')
  @RateLimitFailures(wrongCodes)
  @ApiOperation({ summary: 'Look up your case by its number and the query code you were given: status, who handles it, the reply.' })
  look(@Param('number') number: string, @ZodQuery(lookSchema) q: z.infer<typeof lookSchema>) {
    return this.cases.look(number, q.code);
  }

  @Post(':number/rating')
  @DocParam('number', caseNumberSchema)
  @HttpCode(200)
  @RateLimit('public-rating')
  @RateLimitFailures(wrongCodes)
  @ApiOperation({ summary: 'Rate the reply (satisfied closes the case; unsatisfied reopens it).' })
  rate(@Param('number') number: string, @ZodBody(rateSchema) b: z.infer<typeof rateSchema>) {
    return this.cases.rate(number, b.code, b.rating);
  }
}
