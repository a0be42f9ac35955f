// Single words many languages use unchanged, so an identical translation is not flagged.
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
