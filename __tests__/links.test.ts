/** The links a publisher opens next: which are trusted, where they come from, how they are shown. */
import { describe, expect, it } from '@jest/globals'
import { staticToken } from '../src/auth.js'
import {
  firstTrustedLink,
  markdownLink,
  MAX_LINKS_READ,
  MAX_URL_CHARS,
  partnerCenterOfferPage,
  trustedUrl
} from '../src/links.js'
import { outputsOf } from '../src/outputs.js'
import type { WatchResult } from '../src/poll.js'
import { parseOfferStatus } from '../src/sources/cpp-schema.js'
import { createIngestionOfferSource } from '../src/sources/ingestion.js'
import { renderSummary } from '../src/summary.js'
import { neutralize } from '../src/text.js'
import { judge } from '../src/verdict.js'
import { snapshot, step, T0, watchResult } from './fixtures/fakes.js'
import { json, scriptedHttp } from './fixtures/http.js'

const PREVIEW = 'https://portal.azure.com/#create/contoso.vm-offer-preview'
const LIVE = 'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm-offer?tab=Overview'

describe('a trusted link', () => {
  it.each([
    PREVIEW,
    LIVE,
    'https://partner.microsoft.com/dashboard/commercial-marketplace/offers/x/overview',
    'https://appsource.microsoft.com/a_b~c;d=e%20h'
  ])('is an https URL on a Microsoft host: %s', (url) => {
    expect(trustedUrl(url)).toBe(url)
  })

  it('gets its slash when it is a bare origin', () => {
    expect(trustedUrl('https://portal.azure.com')).toBe('https://portal.azure.com/')
  })

  it.each([
    ['a script', 'javascript:alert(1)'],
    ['a script on a Microsoft-looking line', 'javascript://portal.azure.com/%0aalert(1)'],
    ['plain http', 'http://portal.azure.com/'],
    ['another host', 'https://evil.example/'],
    ['a host that only starts like Microsoft', 'https://microsoft.com.evil.example/'],
    ['a character reference in the host (markdown decodes it)', 'https://evil.example&sol;.microsoft.com/'],
    ['a character reference in the query', 'https://portal.azure.com/?a=1&num;x'],
    ['any host under azure.com (anyone can have one under cloudapp)', 'https://x.eastus.cloudapp.azure.com/'],
    ['a sign-in page (a consent lure)', 'https://login.microsoft.com/common/oauth2/v2.0/authorize?client_id=x'],
    ['a bare Microsoft domain', 'https://microsoft.com/devicelogin'],
    ['a host that only ends like Microsoft', 'https://evilmicrosoft.com/'],
    ['a host that only ends like Azure', 'https://notazure.com/x'],
    ['user info', 'https://user:pass@portal.azure.com/'],
    ['user info that hides the host', 'https://portal.azure.com@evil.example/'],
    ['a port', 'https://portal.azure.com:8443/'],
    ['a trailing dot', 'https://portal.azure.com./'],
    ['a capital scheme', 'HTTPS://portal.azure.com/'],
    ['no slashes', 'https:portal.azure.com/x'],
    ['a backslash', 'https://portal.azure.com\\@evil.example/'],
    ['a dot segment', 'https://portal.azure.com/a/../b'],
    ['a newline', 'https://portal.azure.com/\n::error::x'],
    ['a blank', 'https://portal.azure.com/a b'],
    ['a workflow command', 'https://portal.azure.com/a::set-output'],
    ['a legacy command', 'https://portal.azure.com/##[error]x'],
    ['markdown', 'https://portal.azure.com/)[x](https://evil.example'],
    ['a table cell', 'https://portal.azure.com/a|b'],
    ['HTML', 'https://portal.azure.com/"><script>'],
    ['a non-ASCII host', 'https://pоrtal.azure.com/'],
    ['a bidi control', 'https://portal.azure.com/\u202ex'],
    ['3 KB', `https://portal.azure.com/${'a'.repeat(3_000)}`],
    ['an empty string', ''],
    ['not a URL', 'portal.azure.com']
  ])('is refused: %s', (_, url) => {
    expect(trustedUrl(url)).toBeUndefined()
  })

  it('is refused when it is no string', () => {
    for (const value of [undefined, null, 42, { uri: PREVIEW }, [PREVIEW]]) expect(trustedUrl(value)).toBeUndefined()
  })

  it('is kept up to its length limit, and refused past it, never cut', () => {
    const base = 'https://portal.azure.com/'
    const longest = base + 'a'.repeat(MAX_URL_CHARS - base.length)
    expect(trustedUrl(longest)).toBe(longest)
    expect(trustedUrl(`${longest}a`)).toBeUndefined()
  })

  it('is left as it is by the neutralising every output goes through', () => {
    for (const url of [PREVIEW, LIVE]) expect(neutralize(url, MAX_URL_CHARS)).toBe(url)
  })
})

describe('the first trusted link of a list', () => {
  it('skips what is refused and takes the first that is trusted', () => {
    expect(
      firstTrustedLink([
        { displayText: 'x', uri: 'https://evil.example/' },
        null,
        'https://portal.azure.com/',
        { displayText: 'Preview', uri: PREVIEW },
        { uri: LIVE }
      ])
    ).toBe(PREVIEW)
  })

  it('looks at no more than the first few items, and at nothing that is no list', () => {
    const bad = Array.from({ length: MAX_LINKS_READ }, () => ({ uri: 'https://evil.example/' }))
    expect(firstTrustedLink([...bad, { uri: PREVIEW }])).toBeUndefined()
    expect(firstTrustedLink({ uri: PREVIEW })).toBeUndefined()
    expect(firstTrustedLink(undefined)).toBeUndefined()
  })
})

describe("Partner Center's offer page", () => {
  it('is built from a GUID only', () => {
    expect(partnerCenterOfferPage('11111111-2222-3333-4444-55555555555A')).toBe(
      'https://partner.microsoft.com/dashboard/commercial-marketplace/offers/11111111-2222-3333-4444-55555555555a/overview'
    )
    for (const id of ['', 'abc', '11111111-2222-3333-4444-555555555555/../x', '11111111_2222_3333_4444_555555555555']) {
      expect(partnerCenterOfferPage(id)).toBeUndefined()
    }
  })
})

describe('a link in the summary', () => {
  it('is a markdown link showing where it leads, inert characters written as references', () => {
    expect(markdownLink(PREVIEW)).toBe(`[${PREVIEW}](${PREVIEW})`)
    expect(markdownLink('https://portal.azure.com/a_b_c~d~x')).toBe(
      '[https://portal.azure.com/a&#95;b&#95;c&#126;d&#126;x](https://portal.azure.com/a_b_c~d~x)'
    )
  })

  it('is no link at all when it is not trusted', () => {
    expect(markdownLink('https://evil.example/')).toBeUndefined()
    expect(markdownLink('javascript:alert(1)')).toBeUndefined()
  })
})

describe('links from the Cloud Partner Portal', () => {
  const body = (extra: Record<string, unknown>) => ({ status: 'running', steps: [], ...extra })
  const parsed = (extra: Record<string, unknown>) => {
    const result = parseOfferStatus(body(extra))
    if (!result.ok) throw new Error(result.reason)
    return result.snapshot
  }

  it('are read from previewLinks and liveLinks', () => {
    expect(
      parsed({
        previewLinks: [{ displayText: 'Preview', uri: PREVIEW }],
        liveLinks: [{ displayText: 'Live', uri: LIVE }]
      }).links
    ).toEqual({ preview: PREVIEW, live: LIVE })
    expect(parsed({ previewLinks: [{ uri: PREVIEW }] }).links).toEqual({ preview: PREVIEW })
  })

  it('are absent when the lists are empty, missing, malformed or hostile', () => {
    expect(parsed({ previewLinks: [], liveLinks: [] }).links).toBeUndefined()
    expect(parsed({}).links).toBeUndefined()
    expect(parsed({ previewLinks: 'https://portal.azure.com/', liveLinks: { uri: LIVE } }).links).toBeUndefined()
    expect(
      parsed({
        previewLinks: [{ uri: 'javascript:alert(1)' }, { uri: 'http://portal.azure.com/' }],
        liveLinks: [
          { uri: 'https://microsoft.com.evil.example/' },
          { uri: `https://portal.azure.com/${'a'.repeat(3_000)}` }
        ]
      }).links
    ).toBeUndefined()
  })
})

describe('a link from Product Ingestion', () => {
  const signal = new AbortController().signal
  const GUID = '11111111-2222-3333-4444-555555555555'
  const product = (id: string) => json(200, { value: [{ id: `product/${id}` }] })
  const sub = (target: string, n: string, status: string, result: string, created: string) => ({
    id: `submission/${GUID}/${n}`,
    target: { targetType: target },
    status,
    result,
    created
  })
  const read = async (productId: string, submissions: unknown[]) => {
    const { http } = scriptedHttp([product(productId), json(200, { value: submissions })])
    const source = createIngestionOfferSource('saas-offer', {
      ingestionUrl: 'https://pi.example.test/rp/product-ingestion',
      apiVersion: '2022-07-01',
      credentials: staticToken('graph-token-0123456789'),
      http,
      now: () => 0,
      stuckAfterMs: 86_400_000
    })
    const outcome = await source.read({ timeoutMs: 5_000, signal })
    if (outcome.kind !== 'ok') throw new Error(outcome.reason)
    return outcome.snapshot
  }
  const page = `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${GUID}/overview`

  it("is the product's page in Partner Center once the preview is ready, or live", async () => {
    const ready = await read(GUID, [sub('preview', '1', 'completed', 'succeeded', '2026-11-20T10:00:00Z')])
    expect(ready.status).toBe('WaitingForPublisherReview')
    expect(ready.links).toEqual({ preview: page })
    const live = await read(GUID, [sub('live', '1', 'completed', 'succeeded', '2026-11-20T10:00:00Z')])
    expect(live.status).toBe('Succeeded')
    expect(live.links).toEqual({ preview: page })
  })

  it('is absent while the preview is not ready, and for a product ID that is no GUID', async () => {
    const running = await read(GUID, [sub('preview', '1', 'running', 'pending', '2026-11-20T10:00:00Z')])
    expect(running.links).toBeUndefined()
    const odd = await read('not-a-guid', [sub('live', '1', 'completed', 'succeeded', '2026-11-20T10:00:00Z')])
    expect(odd.status).toBe('Succeeded')
    expect(odd.links).toBeUndefined()
  })
})

describe('links in the outputs and the summary', () => {
  const watchOf = (status: string, links: Record<string, string>, extra: Partial<WatchResult> = {}): WatchResult =>
    watchResult({
      snapshot: { ...snapshot(status, [step('live', status === 'Succeeded' ? 'Complete' : 'NotStarted')]), links },
      polls: 1,
      endedAt: T0 + 1_000,
      ...extra
    })
  const outputs = (watches: WatchResult[]) =>
    outputsOf(
      watches,
      watches.map(() => ({ result: 'passed' as const })),
      'passed'
    )

  it('give preview-url and live-url for one offer, once each is where the publisher goes next', () => {
    expect(outputs([watchOf('Succeeded', { preview: PREVIEW, live: LIVE })])).toMatchObject({
      outcome: 'live',
      'preview-url': PREVIEW,
      'live-url': LIVE
    })
    const review = watchOf('WaitingForPublisherReview', { preview: PREVIEW, live: LIVE })
    expect(outputs([review])).toMatchObject({ outcome: 'preview-ready', 'preview-url': PREVIEW, 'live-url': '' })
    // A publish still running: the links of an earlier version are not the next move.
    expect(outputs([watchOf('Running', { preview: PREVIEW, live: LIVE })])).toMatchObject({
      outcome: 'in-progress',
      'preview-url': '',
      'live-url': ''
    })
  })

  it('never give a link that is not trusted, even if one got into a snapshot', () => {
    const hostile = watchOf('Succeeded', { preview: 'javascript:alert(1)', live: 'https://evil.example/' })
    expect(outputs([hostile])).toMatchObject({ 'preview-url': '', 'live-url': '' })
    const verdict = judge(hostile, { onTimeout: 'fail' })
    const md = renderSummary([hostile], [verdict], verdict.result)
    expect(md).not.toContain('evil.example')
    expect(md).not.toContain('javascript')
  })

  it('give each offer its links in offers, and none at the top with several', () => {
    const both = [
      watchOf('Succeeded', { preview: PREVIEW, live: LIVE }),
      watchOf('WaitingForPublisherReview', { preview: PREVIEW }, { id: 'saas', label: 'contoso/saas' })
    ]
    const out = outputs(both)
    expect(out).toMatchObject({ outcome: 'preview-ready', 'preview-url': '', 'live-url': '' })
    expect(JSON.parse(out.offers ?? '[]')).toEqual([
      expect.objectContaining({ id: 'vm-offer', outcome: 'live', previewUrl: PREVIEW, liveUrl: LIVE }),
      expect.objectContaining({ id: 'saas', outcome: 'preview-ready', previewUrl: PREVIEW, liveUrl: null })
    ])
  })

  it('are real links in the summary, under the next move', () => {
    const watch = watchOf('Succeeded', { preview: PREVIEW, live: LIVE })
    const verdict = judge(watch, { onTimeout: 'fail' })
    const lines = renderSummary([watch], [verdict], verdict.result).split('\n')
    expect(lines.slice(0, 8)).toEqual([
      '## ✅ Live — Offer contoso/vm-offer',
      '',
      '**Next:** Nothing to do: the offer is live.',
      '',
      `**Preview:** [${PREVIEW}](${PREVIEW})`,
      '',
      `**Live:** [${LIVE}](${LIVE})`,
      ''
    ])
  })
})
