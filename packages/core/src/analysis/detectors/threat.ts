/** 脅迫 (刑法222条): harm to life, body, freedom, honour or property of the person or relatives, including conditional (〜たら殺す) and indirect (夜道に気をつけろ) forms. */
import { lexicalDetector, type Detector } from './detector.js';

export const detectThreat: Detector = lexicalDetector('threat');
