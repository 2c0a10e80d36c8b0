/**
 * Links the publisher opens next: the preview to sign off, the live listing. They come from the
 * remote service (the Cloud Partner Portal's `previewLinks` and `liveLinks`) or are built from an ID it
 * sent (Partner Center's offer page for a Product Ingestion product), so they are untrusted: a link is
 * kept only when {@link trustedUrl} accepts it, and only a kept link becomes a real link in the job
 * summary ({@link markdownLink}); everything else stays text, escaped and defanged as any remote text.
 *
 * A link is accepted when it is all of:
 * - at most {@link MAX_URL_CHARS} characters of printable ASCII, from the set URLs are written in, with
 *   nothing that means something in markdown, HTML, a table or a shell quote (no blank, quote, `<`, `>`,
 *   `(`, `)`, `[`, `]`, `|`, `\`, `*`, `@`, backtick, `^`, `{`, `}`), and with no `::` (a workflow
 *   command in a log line);
 * - an `https:` URL with no user name or password and no port;
 * - on one of the hosts in {@link LINK_HOSTS}, exactly: where previews and listings live. Not any host
 *   under `microsoft.com` or `azure.com`: anyone can have a name under `cloudapp.azure.com`, and
 *   `login.microsoft.com` with someone else's client ID is a consent lure.
 * - with no `&` at all: markdown decodes character references in a link's target, so
 *   `https://evil.example&sol;.microsoft.com/` (a host the URL parser accepts) would lead to `evil.example`.
 *
 * What is accepted is then written exactly as it came (it already is what `new URL` would write),
 * so that neutralising it for an output or a log line leaves it unchanged.
 */

/** The only hosts a link is kept on: the Azure portal, the marketplaces and Partner Center. */
export const LINK_HOSTS = [
  'portal.azure.com',
  'ms.portal.azure.com',
  'azuremarketplace.microsoft.com',
  'appsource.microsoft.com',
  'marketplace.microsoft.com',
  'partner.microsoft.com'
] as const

/** Longest link kept; a longer one is dropped, never cut (a cut link leads somewhere else). */
export const MAX_URL_CHARS = 1_000

/** Items of a remote list of links looked at, at most. */
export const MAX_LINKS_READ = 10

/** Characters a kept link may hold: unreserved, `%`, and the reserved ones that are inert in markdown. */
const URL_CHARS = /^[A-Za-z0-9\-._~:/?#!$&+,;=%]+$/

/** Partner Center's GUIDs (a product's durable ID). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function onLinkHost(hostname: string): boolean {
  return (LINK_HOSTS as readonly string[]).includes(hostname)
}

/** `value` when it is a link the publisher may be sent to (see the module's comment), else undefined. */
export function trustedUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL_CHARS || !URL_CHARS.test(value)) return undefined
  if (value.includes('::') || value.includes('&')) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return undefined
  if (!onLinkHost(url.hostname)) return undefined
  // Only a link that reads the same once parsed: nothing a parser would normalise away (`https:x`,
  // `HTTPS://`, `/./`, a trailing dot) can make it mean something else than it shows. A bare origin
  // gets its `/`.
  return url.href === value ? value : url.href === `${value}/` ? url.href : undefined
}

/**
 * The first trusted `uri` of a list of `{ displayText, uri }` (the Cloud Partner Portal's
 * `previewLinks` and `liveLinks`). Only the first {@link MAX_LINKS_READ} items are looked at.
 */
export function firstTrustedLink(list: unknown): string | undefined {
  if (!Array.isArray(list)) return undefined
  for (const item of list.slice(0, MAX_LINKS_READ)) {
    if (typeof item !== 'object' || item === null) continue
    const url = trustedUrl((item as Record<string, unknown>).uri)
    if (url) return url
  }
  return undefined
}

/** Partner Center's page of a product, from its durable ID; undefined unless that is a GUID. */
export function partnerCenterOfferPage(productId: string): string | undefined {
  if (!GUID.test(productId)) return undefined
  return `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productId.toLowerCase()}/overview`
}

/**
 * A markdown link to a trusted URL, showing the URL itself (so that the reader sees where it leads);
 * undefined for anything {@link trustedUrl} refuses. The URL's characters that could pair as emphasis
 * or read as an entity are written as character references in the text shown.
 */
export function markdownLink(url: string): string | undefined {
  const trusted = trustedUrl(url)
  if (!trusted) return undefined
  const shown = trusted.replace(/[_~]/g, (c) => `&#${c.charCodeAt(0)};`)
  return `[${shown}](${trusted})`
}
