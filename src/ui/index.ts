export type { Strings, UiLanguage } from './strings';
export { SV, EN, languageOf, stringsFor } from './strings';
export type { HostTheme } from './theme-bridge';
export { normaliseTheme, fluentTheme } from './theme-bridge';
export { AssessmentSymbol, TrendArrow, levelAssessment } from './status-symbol';
export type { AssessmentSymbolProps, TrendArrowProps } from './status-symbol';
export { NumberField } from './number-field';
export type { NumberFieldProps } from './number-field';
