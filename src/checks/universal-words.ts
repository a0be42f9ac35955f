// Words a translation may rightly keep as the source writes them, so an identical
// translation is not flagged as untranslated.

// Single words many languages use unchanged.
export const UNIVERSAL_WORDS: ReadonlySet<string> = new Set(
  `ok okay email e-mail internet online offline status name start stop logo menu admin
  dashboard chat blog feedback hotel taxi video audio radio web app apps login logout
  cookie cookies newsletter design team premium pro version info bar hashtag emoji
  smartphone tablet laptop server browser cache pixel piano golf tennis hobby pizza
  export import filter restaurant album playlist podcast wifi bluetooth ticket tickets
  code debug url api sms pdf png jpg gif html css json xml zip id uuid faq
  total minimum maximum normal optional terminal variable formal global local
  manual modal portal`.split(/\s+/).filter(Boolean),
)

/**
 * Single UI words that one language writes exactly as English does (French "Notifications",
 * Spanish "Error"): an identical translation into that language is right.
 */
export const SAME_AS_ENGLISH: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries({
    fr: `notifications notification options option actions action documents document messages message images image photos photo description
      configuration navigation information informations version installation administration transactions transaction contacts contact
      date source note notes question questions sections section applications application consultation confirmation destination
      format formats page pages type types signature service services session sessions identification`,
    de: `information installation administration navigation service support details account tag tags format formats update updates system`,
    es: `error general final personal social total normal actual hotel radio`,
    it: `file password account computer download upload link email social media`,
    pt: `email link login software hardware online offline social total normal final`,
    nl: `account details download downloads update updates service support link links`,
  }).map(([language, words]) => [language, new Set(words.split(/\s+/).filter(Boolean))]),
)

/** A name folded for comparison: its words in lower case, one space apart ("Jan." and "jan" alike). */
export const nameKey = (text: string) => (text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []).join(' ')

const namesCache = new Map<string, ReadonlySet<string>>()
const NO_NAMES: ReadonlySet<string> = new Set()

/**
 * What a language calls months, weekdays, languages and countries, from CLDR (Intl): German
 * writes "September" and "August", French "afrikaans", Spanish "mar" as English does.
 */
export function cldrNames(language: string): ReadonlySet<string> {
  let names = namesCache.get(language)
  if (names) return names
  // For a language ICU does not know, Intl answers in its default locale (English), whose
  // names would pass English text as native; and building names for thousands of invented
  // locales in a hostile file would take minutes.
  if (!knownToIcu(language)) return NO_NAMES
  const found = new Set<string>()
  const add = (name: string | undefined) => {
    if (name) found.add(nameKey(name))
  }
  try {
    for (const month of ['long', 'short'] as const) {
      const alone = new Intl.DateTimeFormat(language, { month, timeZone: 'UTC' })
      const inDate = new Intl.DateTimeFormat(language, { month, day: 'numeric', timeZone: 'UTC' })
      for (let m = 0; m < 12; m++) {
        const date = Date.UTC(2021, m, 15)
        add(alone.format(date))
        add(inDate.formatToParts(date).find((p) => p.type === 'month')?.value)
      }
    }
    for (const weekday of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(language, { weekday, timeZone: 'UTC' })
      // 2021-03-01 was a Monday.
      for (let d = 1; d <= 7; d++) add(format.format(Date.UTC(2021, 2, d)))
    }
    const languages = new Intl.DisplayNames([language], { type: 'language', fallback: 'none' })
    const regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' })
    const a = 'a'.charCodeAt(0)
    for (let i = 0; i < 26; i++) {
      for (let j = 0; j < 26; j++) {
        const code = String.fromCharCode(a + i, a + j)
        add(languages.of(code))
        add(regions.of(code.toUpperCase()))
      }
    }
  } catch {
    // A malformed tag has no names to offer.
  }
  names = found
  namesCache.set(language, names)
  return names
}

function knownToIcu(language: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(language).length > 0 && Intl.DisplayNames.supportedLocalesOf(language).length > 0
  } catch {
    return false
  }
}
