import { z } from 'zod';
import { defineJob } from '../../jobs/define-job.js';
import { EVIDENCE_CAPTURE_JOB, type EvidenceCaptureService } from './evidence-capture.service.js';

/** The `evidence.capture` job: one server capture (the URL stays sealed on the capture row, not in the payload). */
export function createEvidenceCaptureJob({ service }: { service: Pick<EvidenceCaptureService, 'runCapture'> }) {
  return defineJob({
    type: EVIDENCE_CAPTURE_JOB,
    payload: z.object({ captureId: z.uuid() }),
    maxAttempts: 2,
    handler: (payload, context) => service.runCapture(payload, context),
  });
}
