/**
 * Which URLs the action may send credentials to: `https:` only, except loopback hosts (`localhost`,
 * `127.0.0.0/8`, `[::1]`), which may use `http:` for test doubles and the simulator. No user info, no
 * query, no fragment. A problem is described without echoing the URL, which may hold a secret.
 */

/** Whether a URL's host name is the loopback interface (as `URL` normalises it). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** What is wrong with `text` as an endpoint URL, or undefined when it may be used. */
export function endpointProblem(text: string): string | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'must be a URL such as https://host.example (it could not be read as one)'
  }
  if (url.username || url.password) return 'must not contain a user name or password'
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https: URL'
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'must be an https: URL (http: is allowed only for loopback hosts: localhost, 127.0.0.1, [::1])'
  }
  if (url.search || url.hash) return 'must not have a query or a fragment'
  return undefined
}

/** `url` (or an audience) without its trailing slashes: a loop, as `/\/+$/` backtracks over a long run of slashes. */
export function withoutTrailingSlashes(url: string): string {
  let end = url.length
  while (end > 0 && url.charCodeAt(end - 1) === 0x2f) end--
  return url.slice(0, end)
}
