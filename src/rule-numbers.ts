// The numbers of the rules the pipeline itself raises (the QA rules declare theirs in
// ./checks; ./rules.ts describes them all). A module of its own so that the formats can
// name 1003, 1008 and 1009 without importing the rule registry, which imports the checks,
// which import the formats.
export const RULE = {
  unreadable: 1001,
  tooLarge: 1002,
  duplicateKey: 1003,
  stale: 1007,
  encoding: 1008,
  rootLocale: 1009,
  noSourceFile: 1010,
  /** Declared by checks/plural-forms.ts; the PO reader raises it for the missing forms that rule cannot see. */
  pluralFormsMissing: 1011,
  belowThreshold: 1901,
  notScored: 1902,
  mqmAccuracy: 1911,
  mqmFluency: 1912,
  mqmLocaleConvention: 1913,
  mqmStyle: 1914,
  mqmTerminology: 1915,
  mqmNonTranslation: 1916,
  mqmOther: 1917,
} as const
