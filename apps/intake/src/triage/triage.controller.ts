import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodBody } from '@fq/http';
import { z } from 'zod';
import { CategoryClassifier, type CategorySuggestion } from './classifier';

/** The body of POST /api/v1/triage/classify. */
export const classifySchema = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(10_000),
});

export type Classify = z.infer<typeof classifySchema>;

@ApiTags('triage')
@ApiBearerAuth()
@Controller('api/v1/triage')
export class TriageController {
  constructor(private readonly classifier: CategoryClassifier) {}

  @Post('classify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Suggest up to three categories for a request text, best first, each with a confidence in [0, 1] and the words that matched. ' +
      'No suggestion when the text gives no evidence: the operator picks by hand, and may always override.',
  })
  classify(@ZodBody(classifySchema) body: Classify): { suggestions: CategorySuggestion[] } {
    return { suggestions: this.classifier.suggest(body.text) };
  }
}
