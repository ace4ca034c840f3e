/** 名誉毀損 (刑法230条, 民法709条): a concrete fact that lowers social standing (crimes, arrests, affairs, fraud, illness, 前科), weighed up when asserted as fact and down when stated as opinion or reported as news. */
import { lexicalDetector, type Detector } from './detector.js';

export const detectDefamation: Detector = lexicalDetector('defamation');
