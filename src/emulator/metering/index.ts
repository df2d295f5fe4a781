// Resource units as SharePoint meters them per app: the cost table, the per-minute budget with
// RateLimit-* headers and 429, and the counters the benches read.
export { createResourceMeter, parseResourceUnitSettings, ResourceUnitSettingsError, RATE_LIMIT_HEADERS_FROM } from './resource-meter';
export type { AppUsage, OperationUsage, ResourceMeter, ResourceUnitControl, ResourceUnitReport, ResourceUnitSettings } from './resource-meter';
export { meteringStage } from './metering.middleware';
export { resourceUnitsOf } from './resource-units';
