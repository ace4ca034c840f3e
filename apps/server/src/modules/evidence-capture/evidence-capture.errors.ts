import { AppError } from '../../errors/app-error.js';
import { captureFailureMessage, type CaptureFailure } from './capture-failure.js';

/** A URL refused when the capture is requested (422), with the same words the capture list shows. */
export function createCaptureRefusedError(failure: CaptureFailure): AppError {
  return new AppError(
    `evidence_capture.${failure.code}`,
    422,
    { ja: captureFailureMessage(failure.code, 'ja'), en: captureFailureMessage(failure.code, 'en') },
    { cause: failure },
  );
}
