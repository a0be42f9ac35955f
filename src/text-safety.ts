// Untrusted text (keys, strings, file names) made safe for a terminal: control, bidi and
// invisible characters are shown as escapes so they cannot move the cursor, recolour the
// output or reorder what a reader sees.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n'
    if (c === '\t') return '\\t'
    if (c === '\r') return '\\r'
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`
  })
}
