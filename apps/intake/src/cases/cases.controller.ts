import { Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@fq/auth';
import { caseNumberSchema, DocParam, ZodBody } from '@fq/http';
import { z } from 'zod';
import { CaseFeedbackService } from './case-feedback.service';
import { CasesService } from './cases.service';
import { categorySchema } from '../shared/request-fields';
import { CreateCase, createCaseSchema, fromStaffForm } from './dto/create-case.dto';
import { withIdempotencyKey } from '../intake/idempotency';
import { IntakeService } from '../intake/intake.service';
import { SeparationService } from './separation.service';

const ratingSchema = z.strictObject({ rating: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']) });
const withdrawSchema = z.strictObject({ reason: z.string().trim().min(1, 'must not be empty').max(2000) });
const separateSchema = z.strictObject({
  reason: z.string().trim().min(2, 'must say how this request differs from the matter of its cluster').max(2000),
  /** The sub-item it really is, when that is why it differs; its dispatch plan follows it. */
  category: categorySchema.optional(),
});

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly intake: IntakeService,
    private readonly feedback: CaseFeedbackService,
    private readonly separation: SeparationService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a request from any channel; answers its case number.' })
  register(
    @ZodBody(createCaseSchema) body: CreateCase,
    @CurrentUser() user: Principal,
    @Headers('x-correlation-id') correlationId?: string,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.intake.accept(withIdempotencyKey(fromStaffForm(body), user.login, key), user, correlationId || undefined);
  }

  @Get(':number')
  @DocParam('number', caseNumberSchema)
  @ApiOperation({ summary: 'A case: its status, level, handling unit and requester (phone masked).' })
  get(@Param('number') number: string) {
    return this.cases.get(number);
  }

  @Post(':number/rating')
  @DocParam('number', caseNumberSchema)
  @HttpCode(200)
  @Roles('resident', 'operator', 'district_centre')
  @ApiOperation({ summary: 'Rate the reply (satisfied closes the case; unsatisfied reopens it). Operators record callback results.' })
  rate(@Param('number') number: string, @CurrentUser() user: Principal, @ZodBody(ratingSchema) body: z.infer<typeof ratingSchema>) {
    return this.feedback.rate(number, user, body.rating);
  }

  @Post(':number/withdraw')
  @DocParam('number', caseNumberSchema)
  @HttpCode(200)
  @Roles('resident', 'operator')
  @ApiOperation({ summary: "Withdraw the case at the requester's word." })
  withdraw(@Param('number') number: string, @CurrentUser() user: Principal, @ZodBody(withdrawSchema) body: z.infer<typeof withdrawSchema>) {
    return this.feedback.withdraw(number, user, body.reason);
  }

  @Post(':number/separate')
  @DocParam('number', caseNumberSchema)
  @HttpCode(200)
  @Roles('district_centre')
  @ApiOperation({ summary: '拆单: take a request wrongly merged into a cluster out of it; it gets its own dispatch plan and workflow, the lead is unchanged.' })
  separate(@Param('number') number: string, @CurrentUser() user: Principal, @ZodBody(separateSchema) body: z.infer<typeof separateSchema>) {
    return this.separation.separate(number, body, user);
  }
}
