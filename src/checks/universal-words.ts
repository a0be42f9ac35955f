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
