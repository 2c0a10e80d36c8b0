import { describe, expect, it } from '@jest/globals'
import { INPUT_DEFAULTS, InputError, readSettings, type InputName } from '../src/inputs.js'

const base: Partial<Record<InputName, string>> = {
  'publisher-id': 'contoso',
  'offer-id': 'vm-offer',
  token: 'secret-token'
}

function read(overrides: Partial<Record<InputName, string>> = {}) {
  const values = { ...INPUT_DEFAULTS, ...base, ...overrides }
  return readSettings((name) => values[name])
}

function problem(overrides: Partial<Record<InputName, string>>): string {
  try {
    read(overrides)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('expected an InputError')
}

describe('readSettings', () => {
  it('reads the defaults into typed settings', () => {
    expect(read()).toEqual({
      api: 'auto',
      publisherId: 'contoso',
      offerIds: ['vm-offer'],
      jobIds: [],
      auth: { kind: 'token', token: 'secret-token' },
      waitFor: 'completion',
      timeoutMs: 3_600_000,
      onTimeout: 'fail',
      maxIntervalMs: 600_000,
      baseUrl: 'https://cloudpartner.azure.com',
      ingestionUrl: 'https://graph.microsoft.com/rp/product-ingestion',
      failOnStuck: false,
      stuckAfterMs: 7 * 86_400_000,
      maxConcurrency: 4
    })
  })

  it('reads max-concurrency from 1 to 32, and nothing else', () => {
    expect(read({ 'max-concurrency': '32' }).maxConcurrency).toBe(32)
    expect(read({ 'max-concurrency': ' 1 ' }).maxConcurrency).toBe(1)
    for (const bad of ['0', '33', '4.5', '-1', 'many', '1e3', '9'.repeat(400)]) {
      expect(() => read({ 'max-concurrency': bad })).toThrow(
        "Input 'max-concurrency' must be a whole number from 1 to 32"
      )
    }
  })

  it('reads every input', () => {
    const settings = read({
      'wait-for': 'Publisher-Review',
      timeout: '1h30m',
      'on-timeout': 'warn',
      interval: '500ms',
      'max-interval': '90',
      'api-version': '2017-10-31-preview',
      'base-url': 'http://127.0.0.1:8080/proxy/'
    })
    expect(settings).toMatchObject({
      waitFor: 'publisher-review',
      timeoutMs: 5_400_000,
      onTimeout: 'warn',
      intervalMs: 500,
      maxIntervalMs: 90_000,
      apiVersion: '2017-10-31-preview',
      baseUrl: 'http://127.0.0.1:8080/proxy'
    })
  })

  it('gives an input that comes empty its default, as the runner would', () => {
    const settings = readSettings((name) => ({ ...base })[name] ?? '')
    expect(settings.timeoutMs).toBe(3_600_000)
    expect(settings.waitFor).toBe('completion')
  })

  it.each<[InputName, RegExp]>([
    ['publisher-id', /Input 'publisher-id' is required for the Cloud Partner Portal API/],
    ['offer-id', /Input 'offer-id' is required \(or give job-id\)/],
    ['token', /Input 'token' is required/]
  ])('names a missing %s', (name, message) => {
    expect(problem({ api: 'cloud-partner-portal', [name]: '' })).toMatch(message)
  })

  it('needs no publisher-id for Product Ingestion, nor an offer-id with a job-id', () => {
    expect(read({ 'publisher-id': '', api: 'product-ingestion' }).publisherId).toBe('')
    expect(read({ 'publisher-id': '' }).api).toBe('auto')
    expect(read({ 'offer-id': '', 'job-id': 'job-1, job-2\njob-1' })).toMatchObject({
      offerIds: [],
      jobIds: ['job-1', 'job-2']
    })
    expect(problem({ api: 'cloud-partner-portal', 'job-id': 'job-1' })).toMatch(
      /Input 'job-id' is for Product Ingestion configure jobs/
    )
    expect(problem({ api: 'graph' })).toMatch(
      /Input 'api' must be one of auto, cloud-partner-portal, product-ingestion/
    )
  })

  it('leaves interval and api-version empty for each API to choose, and reads the new inputs', () => {
    const settings = read({ 'ingestion-url': 'https://pi.example.test/rp//', 'stuck-after': '3d' })
    expect(settings.intervalMs).toBeUndefined()
    expect(settings.apiVersion).toBeUndefined()
    expect(settings).toMatchObject({ ingestionUrl: 'https://pi.example.test/rp', stuckAfterMs: 3 * 86_400_000 })
    expect(problem({ 'stuck-after': '10s' })).toMatch(/Input 'stuck-after' must be from 1m to 35d/)
    expect(problem({ 'ingestion-url': 'http://pi.example.test' })).toMatch(
      /Input 'ingestion-url' must be an https: URL/
    )
  })

  it('names every problem at once', () => {
    const message = problem({ api: 'cloud-partner-portal', 'publisher-id': '', token: '', timeout: 'soon' })
    expect(message.split('\n')).toHaveLength(3)
    expect(message).toMatch(/'publisher-id'/)
    expect(message).toMatch(/'token'/)
    expect(message).toMatch(/Input 'timeout' 'soon' is not a duration/)
  })

  it.each<[Partial<Record<InputName, string>>, RegExp]>([
    [{ 'wait-for': 'forever' }, /Input 'wait-for' must be one of completion, publisher-review, none \(got 'forever'\)/],
    [{ 'on-timeout': 'explode' }, /Input 'on-timeout' must be one of fail, warn/],
    [{ interval: '0' }, /Input 'interval' must be from 1ms to 1d/],
    [{ timeout: '-1m' }, /Input 'timeout' '-1m' is not a duration/],
    [{ interval: '5m', 'max-interval': '1m' }, /Input 'max-interval' must not be shorter than interval/],
    [{ 'base-url': 'ftp://example.test' }, /Input 'base-url' must be an https: URL/],
    [{ 'base-url': 'not a url' }, /Input 'base-url'/],
    [{ 'base-url': 'https://user:pw@example.test' }, /Input 'base-url'/],
    [{ 'api-version': '2017/10' }, /Input 'api-version'/],
    [{ 'offer-id': 'my offer' }, /Input 'offer-id' 'my offer' must not contain spaces/],
    [{ 'offer-id': '..' }, /Input 'offer-id' '\.\.' is not a valid ID/],
    [{ 'offer-id': ' ,\n, ' }, /Input 'offer-id' is required/],
    [{ 'fail-on-stuck': 'yes' }, /Input 'fail-on-stuck' must be true or false/],
    [{ 'publisher-id': '.' }, /Input 'publisher-id' is not a valid ID/]
  ])('refuses %p', (overrides, message) => {
    expect(problem(overrides)).toMatch(message)
  })

  it('reads several offer IDs, by line or comma, without blanks or duplicates', () => {
    expect(read({ 'offer-id': 'vm-offer\n  saas-offer, app-offer\n\n- vm-offer\n' }).offerIds).toEqual([
      'vm-offer',
      'saas-offer',
      'app-offer'
    ])
  })

  it('reads fail-on-stuck as a YAML boolean', () => {
    expect(read({ 'fail-on-stuck': 'True' }).failOnStuck).toBe(true)
    expect(read({ 'fail-on-stuck': 'FALSE' }).failOnStuck).toBe(false)
  })

  it('accepts an ID with characters that need encoding (the URL builder encodes them)', () => {
    expect(read({ 'offer-id': '../x' }).offerIds).toEqual(['../x'])
  })

  it('never repeats the token in an error', () => {
    expect(problem({ 'wait-for': 'bad', token: 'secret-token' })).not.toContain('secret-token')
  })

  describe('sign-in', () => {
    const client = {
      token: '',
      'tenant-id': 'contoso.onmicrosoft.com',
      'client-id': '00000000-0000-0000-0000-000000000001'
    }

    it('uses a client secret with tenant-id and client-id', () => {
      expect(
        read({ ...client, 'client-secret': 's3cret', 'authority-host': 'https://login.example.test/' }).auth
      ).toEqual({
        kind: 'client-secret',
        tenantId: 'contoso.onmicrosoft.com',
        clientId: '00000000-0000-0000-0000-000000000001',
        clientSecret: 's3cret',
        authorityHost: 'https://login.example.test'
      })
    })

    it('uses GitHub OIDC with tenant-id and client-id alone', () => {
      expect(read(client).auth).toEqual({
        kind: 'oidc',
        tenantId: 'contoso.onmicrosoft.com',
        clientId: '00000000-0000-0000-0000-000000000001',
        authorityHost: 'https://login.microsoftonline.com'
      })
    })

    it.each<[Partial<Record<InputName, string>>, RegExp]>([
      [{ token: '' }, /Input 'token' is required, or sign in with tenant-id and client-id/],
      [
        { 'client-id': 'app' },
        /Input 'token' cannot be used together with 'client-id': give either token, or tenant-id and client-id/
      ],
      [
        { 'tenant-id': 't', 'client-secret': 'x' },
        /Input 'token' cannot be used together with 'tenant-id' and 'client-secret'/
      ],
      [{ token: '', 'client-id': 'app' }, /Input 'tenant-id' is required with client-id/],
      [{ token: '', 'tenant-id': 't' }, /Input 'client-id' is required with tenant-id or client-secret/],
      [{ token: '', 'client-secret': 'x' }, /Input 'client-id' is required/],
      [{ token: '', 'tenant-id': 'a/b', 'client-id': 'app' }, /Input 'tenant-id' must be a GUID or a domain name/],
      [{ ...client, 'authority-host': 'login' }, /Input 'authority-host' must be a URL/]
    ])('refuses %p', (overrides, message) => {
      expect(problem(overrides)).toMatch(message)
    })

    it('reports a sign-in problem together with other problems', () => {
      const message = problem({ token: '', timeout: 'soon' })
      expect(message.split('\n')).toEqual([
        expect.stringMatching(/^Input 'token' is required/),
        expect.stringMatching(/^Input 'timeout'/)
      ])
    })

    it('never repeats the client secret in an error', () => {
      expect(problem({ 'client-secret': 'very-secret-value' })).not.toContain('very-secret-value')
    })
  })
})

describe('action.yml', () => {
  it('declares exactly the inputs the settings read, with the same defaults', async () => {
    const { actionInputs } = await import('./fixtures/action.js')
    expect(actionInputs()).toEqual(INPUT_DEFAULTS)
  })
})

describe('readSettings at the edges', () => {
  it('throws an InputError titled for the annotation', () => {
    let thrown: unknown
    try {
      read({ api: 'cloud-partner-portal', 'publisher-id': '' })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InputError)
    expect(thrown).toMatchObject({ name: 'InputError', title: 'Invalid input' })
    expect(new InputError('x', 'Sign-in failed').title).toBe('Sign-in failed')
  })

  it('accepts the shortest durations allowed, and an equal interval and max-interval', () => {
    expect(
      read({ interval: '1ms', 'max-interval': '1ms', timeout: '1ms', 'base-url': 'http://127.0.0.1:8080' })
    ).toMatchObject({
      intervalMs: 1,
      maxIntervalMs: 1,
      timeoutMs: 1
    })
    expect(read({ interval: '1m', 'max-interval': '60s' })).toMatchObject({ intervalMs: 60_000, maxIntervalMs: 60_000 })
  })

  it('gives an input of blanks its default', () => {
    expect(read({ timeout: '   ', 'wait-for': ' \t ' })).toMatchObject({ timeoutMs: 3_600_000, waitFor: 'completion' })
  })

  it('strips a list dash with any blanks after it, and only at the start of a line', () => {
    expect(read({ 'offer-id': '-   vm-offer\n-\tsaas-offer' }).offerIds).toEqual(['vm-offer', 'saas-offer'])
    expect(problem({ 'offer-id': 'vm- offer' })).toMatch(/Input 'offer-id' 'vm- offer' must not contain spaces/)
  })

  it.each(['xtrue', 'trueish', 'FALSE!'])('refuses %p for fail-on-stuck', (value) => {
    expect(problem({ 'fail-on-stuck': value })).toMatch(/Input 'fail-on-stuck' must be true or false/)
  })

  it('drops every trailing slash of base-url and authority-host', () => {
    const settings = read({
      'base-url': 'https://cpp.example.test/api///',
      token: '',
      'tenant-id': 't',
      'client-id': 'c',
      'authority-host': 'https://login.example.test//'
    })
    expect(settings.baseUrl).toBe('https://cpp.example.test/api')
    expect(settings.auth).toMatchObject({ authorityHost: 'https://login.example.test' })
  })
})

describe('hostile or absurd inputs', () => {
  it.each([
    ['base-url', 'http://cloudpartner.example.com', /Input 'base-url' must be an https: URL/],
    ['authority-host', 'http://login.example.com', /Input 'authority-host' must be an https: URL/],
    ['base-url', 'ftp://127.0.0.1', /Input 'base-url' must be an https: URL/],
    ['base-url', 'not a url', /Input 'base-url' must be a URL/],
    ['base-url', 'https://x.example/?a=1', /Input 'base-url' must not have a query/]
  ] as const)('refuses %s %p before any request', (name, value, expected) => {
    expect(problem({ [name]: value })).toMatch(expected)
  })

  it.each(['https://user:hunter2@cpp.example.com', 'http://:hunter2@127.0.0.1:1', 'https://hunter2@x.example'])(
    'refuses user info in %p without echoing it',
    (url) => {
      const message = problem({ 'base-url': url })
      expect(message).toMatch(/Input 'base-url' must not contain a user name or password/)
      expect(message).not.toContain('hunter2')
    }
  )

  it.each([
    'http://127.0.0.1:9',
    'http://127.1.2.3',
    'http://localhost:3000',
    'http://[::1]:8080',
    'https://x.example'
  ])('allows %p', (url) => {
    expect(read({ 'base-url': url }).baseUrl).toBe(url)
  })

  it.each([
    [{ timeout: '36d' }, /Input 'timeout' must be from 1ms to 35d/],
    [{ interval: '40d' }, /Input 'interval' must be from 1ms to 1d/],
    [{ 'max-interval': '2d' }, /Input 'max-interval' must be from 1ms to 1d/],
    [{ timeout: '9'.repeat(400) }, /Input 'timeout' '9{40}…' is not a duration/],
    [{ interval: '1e400' }, /Input 'interval' '1e400' is not a duration/],
    [{ interval: '500ms' }, /Input 'interval' must be at least 1s against a real API/]
  ])('refuses %p', (overrides, expected) => {
    expect(problem(overrides)).toMatch(expected)
  })

  it('allows the longest timeout and a sub-second interval against loopback', () => {
    expect(read({ timeout: '35d', interval: '1d', 'max-interval': '1d' })).toMatchObject({
      timeoutMs: 35 * 86_400_000,
      intervalMs: 86_400_000
    })
    expect(read({ interval: '200ms', 'base-url': 'http://localhost:1234' }).intervalMs).toBe(200)
  })
})
