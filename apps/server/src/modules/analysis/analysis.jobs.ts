import { POST_FIELDS } from '@mimamoru/core';
import { z } from 'zod';
import { defineJob } from '../../jobs/define-job.js';
import { ANALYSIS_RUN_JOB, type AnalysisService } from './analysis.service.js';

/** The `analysis.run` job: one run over its stored upload (the payload holds the run id and CSV mapping only). */
export function createAnalysisRunJob({ service }: { service: Pick<AnalysisService, 'runAnalysis'> }) {
  return defineJob({
    type: ANALYSIS_RUN_JOB,
    payload: z.object({
      runId: z.uuid(),
      columns: z.partialRecord(z.enum(POST_FIELDS), z.string()).optional(),
    }),
    maxAttempts: 3,
    handler: (payload, context) => service.runAnalysis(payload, context),
  });
}
