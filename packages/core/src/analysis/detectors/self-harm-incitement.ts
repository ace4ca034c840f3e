/** Incitement to suicide or death aimed at the person (死ね and its evasions, 自殺しろ). */
import { lexicalDetector, type Detector } from './detector.js';

export const detectSelfHarmIncitement: Detector = lexicalDetector('self-harm-incitement');
