/** Sexual harassment: sexual demands and comments aimed at a person; sexual vocabulary alone weighs little. */
import { lexicalDetector, type Detector } from './detector.js';

export const detectSexual: Detector = lexicalDetector('sexual');
