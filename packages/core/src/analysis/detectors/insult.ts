/** 侮辱 (刑法231条): contemptuous expressions without facts — abuse words, dismissals, "worthless" phrases, profane emoji. */
import { lexicalDetector, type Detector } from './detector.js';

export const detectInsult: Detector = lexicalDetector('insult');
