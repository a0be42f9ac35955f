// The tool's version, for reports and --version.
export const VERSION = '0.1.0'
