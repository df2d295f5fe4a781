// Fault injection: latency, 429 with Retry-After and 503, from a seedable random source.
export { createFaultController } from './fault-controller';
export type { FaultControl, FaultController } from './fault-controller';
export { parseFaultSettings, FaultSettingsError } from './fault-settings';
export type { FaultSettings, LatencyRange } from './fault-settings';
