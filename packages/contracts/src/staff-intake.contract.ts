import { STAFF_INTAKE_CHANNELS } from '@mimamoru/core';
import { z } from 'zod';
import { ConsultationFieldsSchema, refineConsultation } from './intake.contract.js';

/**
 * Body of POST /api/staff/cases: a case opened by staff for someone who phoned, e-mailed, wrote or came
 * in person. The same fields as the web form (the person's consent to the privacy policy is confirmed
 * by the staff member who read it out), plus the channel it came through.
 */
export const StaffCaseOpenRequestSchema = ConsultationFieldsSchema.extend({
  channel: z.enum(STAFF_INTAKE_CHANNELS),
}).superRefine(refineConsultation);
export type StaffCaseOpenRequest = z.infer<typeof StaffCaseOpenRequestSchema>;

/**
 * Response of POST /api/staff/cases (201): the case number and access key for the staff member to pass
 * on. The key is shown this once and stored only as a hash.
 */
export const StaffCaseOpenedSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  accessKey: z.string(),
  createdAt: z.string(),
});
export type StaffCaseOpened = z.infer<typeof StaffCaseOpenedSchema>;
