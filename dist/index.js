import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/endpoint.ts
/**
 * Which URLs the action may send credentials to: `https:` only, except loopback hosts (`localhost`,
 * `127.0.0.0/8`, `[::1]`), which may use `http:` for test doubles and the simulator. No user info, no
 * query, no fragment. A problem is described without echoing the URL, which may hold a secret.
 */
/** Whether a URL's host name is the loopback interface (as `URL` normalises it). */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase();
    return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
/** What is wrong with `text` as an endpoint URL, or undefined when it may be used. */
function endpointProblem(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return 'must be a URL such as https://host.example (it could not be read as one)';
    }
    if (url.username || url.password)
        return 'must not contain a user name or password';
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return 'must be an https: URL';
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        return 'must be an https: URL (http: is allowed only for loopback hosts: localhost, 127.0.0.1, [::1])';
    }
    if (url.search || url.hash)
        return 'must not have a query or a fragment';
    return undefined;
}
/** `url` (or an audience) without its trailing slashes: a loop, as `/\/+$/` backtracks over a long run of slashes. */
function withoutTrailingSlashes(url) {
    let end = url.length;
    while (end > 0 && url.charCodeAt(end - 1) === 0x2f)
        end--;
    return url.slice(0, end);
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
;// CONCATENATED MODULE: ./src/http.ts
/**
 * The HTTP port: the one thing the status sources need from the network. The real adapter speaks
 * `node:http` / `node:https` directly so that it controls redirects, the body size, the time limit and
 * the teardown of the socket. The runner's proxy settings are honoured exactly as `@actions/http-client`
 * decides them (its `getProxyUrl`: HTTPS_PROXY / HTTP_PROXY, NO_PROXY, loopback never proxied); the
 * CONNECT tunnel through the proxy is this module's own. Tests pass fakes or the simulator.
 *
 * Connections are kept alive and pooled per origin (and per proxy), so that the polls of one offer and
 * the offers of a portfolio share them; see {@link IDLE_SOCKET_MS} for how long an idle one is kept.
 */



// Only the proxy rules: the package's index loads a whole second HTTP client (~100 ms of start-up).

/**
 * No usable response: the connection failed or broke (`network`), the time ran out (`timeout`), the
 * caller cancelled (`aborted`), the body passed the cap (`too-large`), or the server redirected
 * (`redirect`, never followed). The message is a short sentence without secrets.
 */
class RequestFailure extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.name = 'RequestFailure';
    }
}
/** The most a response body may hold; a longer one rejects `too-large`. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/**
 * How long an idle connection is kept for the next request: a minute. Long enough for the next poll
 * after the first 30 s wait (and the bursts of a portfolio, and the sign-in before them); well under the
 * 4 minutes after which Azure's outbound NAT (GitHub-hosted runners) forgets an idle connection without
 * telling either end, so that a request on it would hang until its time limit; and under the idle
 * time of common servers and proxies (nginx 75 s, IIS and Squid 2 min), so that we usually close first.
 * A server that announces a shorter one (`Keep-Alive: timeout=N`, as Node's servers do with 5 s) is
 * believed: Node's agent then drops the connection a second before that. A server that closes earlier
 * without saying so costs one retry on a new connection (see {@link exchange}).
 */
const IDLE_SOCKET_MS = 60_000;
/** Idle connections kept per origin by default: the most requests the action has in flight (max-concurrency). */
const MAX_IDLE_SOCKETS = 32;
const USER_AGENT = 'offer-status-action';
/** `setTimeout` treats anything longer as 1 ms; no request needs more than these 24.8 days. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function createHttpPort(options = {}) {
    const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    const userAgent = options.userAgent ?? USER_AGENT;
    const pool = createPool(Math.max(1, Math.floor(options.maxIdleSockets ?? MAX_IDLE_SOCKETS)));
    return {
        send(request) {
            return new Promise((resolve, reject) => {
                exchange(request, { maxBodyBytes, userAgent, agentFor: pool.agentFor }, resolve, reject);
            });
        },
        close: pool.close
    };
}
/**
 * One agent per protocol for direct connections, and one per protocol and proxy for tunnels. Sockets
 * per origin are not capped (they grow to the requests in flight); idle ones are capped at
 * `maxIdle` per origin, dropped after {@link IDLE_SOCKET_MS}, never keep the process alive (Node's
 * agent unrefs a socket when it goes idle and refs it again when it is reused) and are reused most
 * recent first, so that a quiet spell lets the older ones expire.
 */
function createPool(maxIdle) {
    const options = {
        keepAlive: true,
        timeout: IDLE_SOCKET_MS,
        maxFreeSockets: maxIdle,
        scheduling: 'lifo'
    };
    const direct = { http: new PooledHttpAgent(options), https: new PooledHttpsAgent(options) };
    const tunnels = new Map();
    return {
        agentFor(url) {
            const secure = url.protocol === 'https:';
            // The runner client's own test: HTTP(S)_PROXY, NO_PROXY, loopback bypassed.
            const proxyUrl = getProxyUrl(url);
            if (!proxyUrl?.hostname)
                return secure ? direct.https : direct.http;
            const key = `${url.protocol} ${proxyUrl.href}`;
            let agent = tunnels.get(key);
            if (!agent) {
                const proxy = proxyOf(proxyUrl);
                agent = secure ? new HttpsTunnelAgent(proxy, options) : new HttpTunnelAgent(proxy, options);
                tunnels.set(key, agent);
            }
            return agent;
        },
        close() {
            direct.http.destroy();
            direct.https.destroy();
            for (const agent of tunnels.values())
                agent.destroy();
            tunnels.clear();
        }
    };
}
/**
 * What an idle socket does while it waits: nothing. Data arriving then (a response nobody asked for)
 * would be read as the answer to the next request on it, so such a socket is destroyed instead (Node
 * 24's agent does the same; Node 20's does not).
 */
const idleGuards = new WeakMap();
function keepIdle(socket, kept) {
    if (!kept)
        return false;
    if (socket.readableLength > 0) {
        socket.destroy();
        return false;
    }
    const poisoned = () => {
        socket.destroy();
    };
    socket.on('data', poisoned);
    idleGuards.set(socket, poisoned);
    return true;
}
function reuseIdle(socket) {
    const guard = idleGuards.get(socket);
    if (guard)
        socket.off('data', guard);
    idleGuards.delete(socket);
}
// eslint-disable-next-line @typescript-eslint/unbound-method -- only ever called with `.call(agent, ...)`
const keepSocketAlive = external_node_http_namespaceObject.Agent.prototype.keepSocketAlive;
class PooledHttpAgent extends external_node_http_namespaceObject.Agent {
    keepSocketAlive(socket) {
        return keepIdle(socket, keepSocketAlive.call(this, socket));
    }
    reuseSocket(socket, request) {
        reuseIdle(socket);
        super.reuseSocket(socket, request);
    }
}
class PooledHttpsAgent extends external_node_https_namespaceObject.Agent {
    keepSocketAlive(socket) {
        return keepIdle(socket, keepSocketAlive.call(this, socket));
    }
    reuseSocket(socket, request) {
        reuseIdle(socket);
        super.reuseSocket(socket, request);
    }
}
/** The host (an IPv6 address without its brackets) and port to connect to for `url`. */
function endpointOf(url) {
    return {
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80
    };
}
function proxyOf(url) {
    // Like the runner client: an `https:` proxy is spoken to over TLS, anything else in plain HTTP.
    const proxy = { secure: url.protocol === 'https:', ...endpointOf(url) };
    // getProxyUrl decodes the user name and password; the client sends them as Basic credentials.
    if (url.username || url.password) {
        proxy.authorization = `Basic ${Buffer.from(`${url.username}:${url.password}`, 'utf8').toString('base64')}`;
    }
    return proxy;
}
/**
 * The request options carry the exchange's own cancel signal to {@link openTunnel} (Node passes a
 * request's options on to the agent's `createConnection`): a CONNECT still waiting for the proxy when
 * the exchange ends is destroyed with it, whoever ends it (time limit, caller, too large).
 */
const CANCEL = Symbol('offer-status.cancel');
/** Node's agent calls back `(error)` alone on a failure, which its typings do not allow for. */
function callBack(callback, error, socket) {
    if (callback)
        Reflect.apply(callback, undefined, socket ? [error, socket] : [error]);
}
/**
 * Opens a tunnel to the request's host and port: `CONNECT host:port` to the proxy (over TLS for an
 * `https:` proxy), with `Proxy-Authorization` when the proxy URL has credentials. Only the proxy sees
 * that header; the request itself is sent inside the tunnel as it would be sent directly. Calls back
 * with the tunnel's socket once the proxy answered 2xx, or with an error that names the proxy's status
 * (never its credentials).
 */
function openTunnel(proxy, options, done) {
    const host = options.host ?? 'localhost';
    const authority = `${external_node_net_namespaceObject.isIPv6(host) ? `[${host}]` : host}:${Number(options.port)}`;
    const signal = options[CANCEL];
    if (signal?.aborted) {
        done(new Error('request cancelled'));
        return;
    }
    const headers = { host: authority };
    if (proxy.authorization)
        headers['proxy-authorization'] = proxy.authorization;
    let connect;
    let finished = false;
    const finish = (error, socket) => {
        if (finished) {
            socket?.destroy();
            return;
        }
        finished = true;
        signal?.removeEventListener('abort', onCancel);
        if (error) {
            socket?.destroy();
            connect?.destroy();
            done(error);
        }
        else {
            done(null, socket);
        }
    };
    function onCancel() {
        finish(new Error('request cancelled'));
    }
    signal?.addEventListener('abort', onCancel, { once: true });
    try {
        connect = (proxy.secure ? external_node_https_namespaceObject : external_node_http_namespaceObject).request({
            host: proxy.host,
            port: proxy.port,
            method: 'CONNECT',
            path: authority,
            headers,
            // A connection of its own: it becomes the tunnel, which the calling agent pools.
            agent: false
        });
    }
    catch (error) {
        finish(new Error(`proxy request failed: ${messageOf(error)}`));
        return;
    }
    // Kept for good: an error after the tunnel is handed over must not go unhandled.
    connect.on('error', (error) => {
        finish(new Error(`proxy connection failed: ${error.message}`));
    });
    // Node emits `connect` for any answer to a CONNECT, whatever its status.
    connect.once('connect', (res, socket, head) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
            finish(new Error(`proxy refused the tunnel to ${authority}: HTTP ${status}`), socket);
        }
        else if (head.length > 0) {
            // Bytes before the request was even sent: nothing sent through this tunnel could trust its answer.
            finish(new Error(`proxy sent data before the tunnel to ${authority} was used`), socket);
        }
        else {
            finish(null, socket);
        }
    });
    connect.end();
}
/** Plain HTTP through the tunnel (an `http:` target with HTTP_PROXY set), as the runner client does it. */
class HttpTunnelAgent extends PooledHttpAgent {
    proxy;
    constructor(proxy, options) {
        super(options);
        this.proxy = proxy;
    }
    createConnection(options, callback) {
        openTunnel(this.proxy, options, (error, socket) => {
            callBack(callback, error, socket);
        });
        return undefined;
    }
}
/** TLS to the target, inside the tunnel: certificate and host name checked as on a direct connection. */
class HttpsTunnelAgent extends PooledHttpsAgent {
    proxy;
    constructor(proxy, options) {
        super(options);
        this.proxy = proxy;
    }
    createConnection(options, callback) {
        openTunnel(this.proxy, options, (error, socket) => {
            if (error || !socket) {
                callBack(callback, error ?? new Error('proxy gave no tunnel'));
                return;
            }
            let secure;
            try {
                // https.Agent's own: tls.connect over the tunnel, with the SNI name Node derived from the host,
                // and TLS session reuse.
                secure = super.createConnection({ ...options, socket });
            }
            catch (failure) {
                socket.destroy();
                callBack(callback, new Error(`TLS through the proxy failed: ${messageOf(failure)}`));
                return;
            }
            if (secure)
                callBack(callback, null, secure);
            else {
                socket.destroy();
                callBack(callback, new Error('TLS through the proxy failed'));
            }
        });
        return undefined;
    }
}
/**
 * Drops every idle connection of the agent and resolves once they are gone from its pool: after one
 * turned out stale (the server closed it while idle), the others, idle as long or longer, are suspect,
 * and a retry must not pick one of them. Costs at most a handshake each.
 */
function dropIdle(agent) {
    const idle = Object.values(agent.freeSockets).flatMap((sockets) => sockets ?? []);
    return Promise.all(idle.map((socket) => new Promise((resolve) => {
        if (socket.closed) {
            resolve();
            return;
        }
        socket.once('close', () => {
            resolve();
        });
        socket.destroy();
    }))).then(() => undefined);
}
/** Errors that, before any byte of a response on a reused connection, mean the server had closed it. */
const STALE_CODES = new Set(['ECONNRESET', 'EPIPE']);
/**
 * One request within one timer. A GET sent on a reused connection that the server had closed while it
 * was idle (reset or closed before any byte of a response) is sent again, once, on a new connection,
 * within the same time limit: the server cannot have acted on it. A POST (the token request) is not:
 * it fails as any broken connection does, and the sign-in retries it at its next backoff.
 */
function exchange(request, settings, resolve, reject) {
    const { signal } = request;
    if (signal?.aborted) {
        reject(new RequestFailure('aborted', 'request cancelled'));
        return;
    }
    let req;
    let res;
    let settled = false;
    let retried = false;
    let timer;
    /** Ends whatever this exchange is still connecting through (a CONNECT to the proxy). */
    const cancel = new AbortController();
    /** Settles once; on failure destroys the request and the response, which closes the socket. */
    const settle = (outcome) => {
        if (settled)
            return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (outcome instanceof RequestFailure) {
            // A destroyed socket never goes back to the pool: no half-read connection is reused.
            res?.destroy();
            req?.destroy();
            cancel.abort();
            reject(outcome);
        }
        else {
            resolve(outcome);
        }
    };
    const fail = (kind, message) => {
        settle(new RequestFailure(kind, message));
    };
    function onAbort() {
        fail('aborted', 'request cancelled');
    }
    try {
        const url = new URL(request.url);
        const transport = url.protocol === 'https:' ? external_node_https_namespaceObject : url.protocol === 'http:' ? external_node_http_namespaceObject : undefined;
        if (!transport) {
            fail('network', `unsupported protocol ${url.protocol}`);
            return;
        }
        const method = request.method ?? 'GET';
        const body = method === 'POST' ? Buffer.from(request.body ?? '', 'utf8') : undefined;
        const headers = {};
        for (const [name, value] of Object.entries(request.headers))
            headers[name.toLowerCase()] = value;
        headers['user-agent'] = settings.userAgent;
        if (body)
            headers['content-length'] = String(body.length);
        const ms = Number.isNaN(request.timeoutMs) ? 1 : Math.min(MAX_TIMER_MS, Math.max(1, request.timeoutMs));
        timer = setTimeout(() => {
            fail('timeout', `no response within ${ms}ms`);
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
        const agent = settings.agentFor(url);
        // Built by hand rather than from the URL: credentials in the URL must not become an Authorization header.
        const { host, port } = endpointOf(url);
        const options = {
            method,
            hostname: host,
            port,
            path: url.pathname + url.search,
            headers,
            agent,
            [CANCEL]: cancel.signal
        };
        const send = () => {
            const sent = transport.request(options);
            req = sent;
            /** What the socket had read when this request got it: more by the error means a response began. */
            let readBefore = 0;
            sent.on('socket', (socket) => {
                readBefore = socket.bytesRead;
            });
            const stale = (error) => !retried &&
                method === 'GET' &&
                sent.reusedSocket &&
                res === undefined &&
                STALE_CODES.has(error.code ?? '') &&
                (sent.socket?.bytesRead ?? 0) === readBefore;
            sent.on('error', (error) => {
                if (settled || req !== sent)
                    return;
                if (stale(error)) {
                    retried = true;
                    req = undefined;
                    // Once the pool holds no suspect socket, the retry gets a new connection.
                    void dropIdle(agent).then(() => {
                        if (!settled)
                            send();
                    });
                    return;
                }
                fail('network', res ? brokenBody(error) : error.message);
            });
            sent.on('close', () => {
                // Once there is a response its own events tell how it ended.
                if (req === sent && !res)
                    fail('network', 'connection closed before a response arrived');
            });
            sent.on('response', (response) => {
                res = response;
                onResponse(response, url, settings.maxBodyBytes, settle, fail);
            });
            sent.end(body);
        };
        send();
    }
    catch (error) {
        fail('network', messageOf(error));
    }
}
function onResponse(res, url, maxBodyBytes, settle, fail) {
    const status = res.statusCode ?? 0;
    // Listeners first: every later teardown may emit `error`, which must not go unhandled.
    res.on('error', (error) => {
        fail('network', brokenBody(error));
    });
    res.on('aborted', () => {
        fail('network', brokenBody());
    });
    res.on('close', () => {
        if (!res.complete)
            fail('network', brokenBody());
    });
    if (status >= 300 && status < 400) {
        fail('redirect', `HTTP ${status} redirect ${describeLocation(res.headers.location, url)} (not followed)`);
        return;
    }
    const declared = Number(res.headers['content-length']);
    if (declared > maxBodyBytes) {
        fail('too-large', tooLarge(maxBodyBytes));
        return;
    }
    const chunks = [];
    let length = 0;
    res.on('data', (chunk) => {
        length += chunk.length;
        if (length > maxBodyBytes) {
            fail('too-large', tooLarge(maxBodyBytes));
            return;
        }
        chunks.push(chunk);
    });
    res.on('end', () => {
        const headers = {};
        for (const [name, value] of Object.entries(res.headers)) {
            headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        // Decoded once at the end; TextDecoder drops a leading UTF-8 BOM, so such a JSON body still parses.
        const body = new TextDecoder('utf-8').decode(Buffer.concat(chunks, length));
        settle({ status, headers, body });
    });
}
/** Only the origin of the target: its path, query or userinfo could carry secrets. */
function describeLocation(location, base) {
    if (location === undefined)
        return 'with no location';
    try {
        const target = new URL(location, base);
        return target.origin === 'null' ? `to a ${target.protocol} location` : `to ${target.origin}`;
    }
    catch {
        return 'to an unreadable location';
    }
}
function brokenBody(error) {
    // Node reports a close in the middle of the body as `aborted`; a reset by the peer as `read ECONNRESET`.
    if (!error || error.message === 'aborted')
        return 'connection closed while reading the response';
    const what = error.code === 'ECONNRESET' ? 'reset' : 'failed';
    return `connection ${what} while reading the response (${error.message})`;
}
/** Not `instanceof Error`: errors of Node's own realm fail that test under a VM context (jest). */
function messageOf(error) {
    if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
        return error.message;
    }
    return String(error);
}
function tooLarge(maxBodyBytes) {
    const mib = maxBodyBytes / (1024 * 1024);
    return `response too large (over ${Number.isInteger(mib) ? `${mib} MiB` : `${maxBodyBytes} bytes`})`;
}

;// CONCATENATED MODULE: ./src/text.ts
/**
 * Text from the remote service is untrusted. These helpers turn `messageHtml` into plain text and
 * make any text safe for the places it lands: a log line or annotation ({@link neutralize}), a
 * markdown table cell ({@link escapeCell}), an output that a later `run:` step interpolates
 * ({@link plainWord}).
 *
 * Every function here takes time linear in its input (most stop early once their output is full),
 * and none runs a backtracking regular expression over remote text: a hostile service gets to
 * choose the input, so a quadratic pass would be a way to hang the job.
 */
// ---------------------------------------------------------------------------------------------
// Character classes
const UNKNOWN = 0;
/** Printed as it is. */
const VISIBLE = 1;
/** Whitespace other than a line feed: a run of it becomes one space. */
const BLANK = 2;
/** A line feed: a line break where lines are kept, a blank elsewhere. */
const NEWLINE = 3;
/** Control, format (bidi, zero-width, ...) or lone surrogate: removed without a trace. */
const INVISIBLE = 4;
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
const FORMAT = /\p{Cf}/u;
const WHITESPACE = /\s/;
function classify(char) {
    if (char === '\n')
        return NEWLINE;
    // U+FEFF counts as whitespace in JavaScript but is a zero-width format character; U+0085 (NEL)
    // is a line break in Unicode that JavaScript does not count as whitespace.
    if (char === '\u0085' || (char !== '\ufeff' && WHITESPACE.test(char)))
        return BLANK;
    return CONTROL_OR_FORMAT.test(char) ? INVISIBLE : VISIBLE;
}
/** Kind of every UTF-16 code unit outside the surrogates, filled in on first sight. */
const bmpKinds = new Uint8Array(0x10000);
/** Kind of the astral code points seen so far (only format characters are invisible there). */
const astralKinds = new Map();
function bmpKind(code) {
    let kind = bmpKinds[code] ?? UNKNOWN;
    if (kind === UNKNOWN) {
        kind = classify(String.fromCharCode(code));
        bmpKinds[code] = kind;
    }
    return kind;
}
function astralKind(codePoint) {
    let kind = astralKinds.get(codePoint);
    if (kind === undefined) {
        kind = FORMAT.test(String.fromCodePoint(codePoint)) ? INVISIBLE : VISIBLE;
        astralKinds.set(codePoint, kind);
    }
    return kind;
}
const isHighSurrogate = (code) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code) => code >= 0xdc00 && code <= 0xdfff;
/** The largest chunk a {@link Writer} collects before turning it into a string. */
const MAX_CHUNK = 4096;
/** Collects UTF-16 code units into a string, a chunk at a time. */
class Writer {
    chunk;
    used = 0;
    parts = [];
    /** Code units written so far. */
    length = 0;
    /** The last code unit written, and the one before it (0 for none). */
    last = 0;
    beforeLast = 0;
    /**
     * `expected`: about how many code units will be written. Most texts are a name or a status of a
     * few dozen: a full-size chunk each (8 KiB, zeroed) cost more than the rest of the work put together
     * for a portfolio of a thousand offers.
     */
    constructor(expected) {
        this.chunk = new Uint16Array(Math.max(16, Math.min(MAX_CHUNK, expected)));
    }
    put(code) {
        if (this.used === this.chunk.length)
            this.flush();
        this.chunk[this.used++] = code;
        this.length++;
        this.beforeLast = this.last;
        this.last = code;
    }
    text() {
        this.flush();
        return this.parts.join('');
    }
    flush() {
        this.parts.push(String.fromCharCode(...this.chunk.subarray(0, this.used)));
        this.used = 0;
    }
}
const SPACE = 0x20;
const LINE_FEED = 0x0a;
const COLON = 0x3a;
const HASH = 0x23;
const LEFT_SQUARE = 0x5b;
/**
 * `text` with invisible characters removed and every run of whitespace made one space (or one line
 * break, if the run holds a line feed and `keepLines` is set), trimmed at both ends. With
 * `breakCommands`, a space goes between two colons and between `##` and `[`, in what is left after
 * the removal. Stops once the result holds `limit` code units or a few more, so the cost is bounded
 * by the input and the limit, whatever the input expands to.
 */
function squeeze(text, keepLines, breakCommands, limit) {
    // A few more than `limit` may be written (see above); the input's length bounds the output.
    const out = new Writer(Math.min(text.length, limit) + 8);
    /** What goes before the next visible character: nothing (0), a space (BLANK) or a line break (NEWLINE). */
    let gap = 0;
    for (let i = 0; i < text.length && out.length < limit; i++) {
        const code = text.charCodeAt(i);
        let kind;
        let low = -1;
        if (code < 0xd800 || code > 0xdfff)
            kind = (bmpKinds[code] ?? UNKNOWN) || bmpKind(code);
        else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
            low = text.charCodeAt(++i);
            kind = astralKind(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        }
        else
            kind = INVISIBLE;
        if (kind === VISIBLE) {
            if (gap !== 0 && out.length > 0)
                out.put(gap === NEWLINE ? LINE_FEED : SPACE);
            gap = 0;
            if (breakCommands &&
                ((code === COLON && out.last === COLON) ||
                    (code === LEFT_SQUARE && out.last === HASH && out.beforeLast === HASH))) {
                out.put(SPACE);
            }
            out.put(code);
            if (low >= 0)
                out.put(low);
        }
        else if (kind === NEWLINE && keepLines)
            gap = NEWLINE;
        else if (kind !== INVISIBLE && gap === 0)
            gap = BLANK;
    }
    return out.text();
}
/** The first `end` code units of `text`, one fewer if the last would be the first half of a pair. */
function head(text, end) {
    const cut = end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
    return text.slice(0, Math.max(0, cut));
}
/** `text` cut to at most `max` code units, the last of them `…`, without blanks before the `…`. */
function cap(text, max) {
    return text.length <= max ? text : `${head(text, max - 1).trimEnd()}…`;
}
/** `text` cut to `max` code units, the last of them `…`; a surrogate pair is never split. */
function truncate(text, max) {
    return text.length <= max ? text : `${head(text, max - 1)}…`;
}
// ---------------------------------------------------------------------------------------------
// One line for a log, an annotation, an output
/**
 * Remote text made safe for one line of a runner log, an annotation, the job summary or an output.
 * Control, bidi and zero-width characters and lone surrogates are removed; every run of whitespace
 * (line breaks and tabs included) becomes one space; the result is trimmed; no `::` and no `##[` is
 * left (`a::b` shows as `a: :b`, `##[x]` as `## [x]`); and it is cut to `max` code units, the last of
 * them `…`. Removal comes first, so a removed character cannot join two halves of a command.
 */
function neutralize(text, max = 500) {
    // Most text (an ID, a status, a step's name) needs nothing done: it is returned as it is.
    if (isPlain(text, max))
        return text;
    // The Actions runner reads `::name::` at the start of a line and the legacy `##[name]` anywhere in
    // it as a workflow command. Each character written depends only on what was written before, so
    // the first `max + 1` characters are enough to know whether, and where, to cut.
    return cap(squeeze(text, false, true, max + 1), max);
}
/**
 * Whether {@link neutralize} would leave `text` as it is: at most `max` characters of printable ASCII,
 * no blank at either end or two in a row, no `::` and no `##[`. One pass, no allocation.
 */
function isPlain(text, max) {
    if (text.length > max)
        return false;
    let before = SPACE;
    let twoBefore = SPACE;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < SPACE || code > 0x7e)
            return false;
        if (code === before && (code === SPACE || code === COLON))
            return false;
        if (code === LEFT_SQUARE && before === HASH && twoBefore === HASH)
            return false;
        twoBefore = before;
        before = code;
    }
    return before !== SPACE || text.length === 0;
}
// ---------------------------------------------------------------------------------------------
// HTML to plain text
const NAMED_ENTITIES = new Map([
    ['amp', '&'],
    ['lt', '<'],
    ['gt', '>'],
    ['quot', '"'],
    ['apos', "'"],
    ['nbsp', ' '],
    ['ndash', '–'],
    ['mdash', '—'],
    ['hellip', '…'],
    ['copy', '©'],
    ['reg', '®'],
    ['trade', '™'],
    ['lsquo', '‘'],
    ['rsquo', '’'],
    ['ldquo', '“'],
    ['rdquo', '”'],
    ['bull', '•']
]);
const LONGEST_ENTITY_NAME = 6;
/** How much of an HTML fragment is read; the rest is ignored and marked with ` …`. */
const HTML_INPUT_MAX = 256 * 1024;
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CELL_TAGS = new Set(['td', 'th']);
/** Elements whose content is not text at all. */
const RAW_TEXT_TAGS = new Set(['script', 'style']);
const isAsciiLetter = (code) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isDigit = (code) => code >= 0x30 && code <= 0x39;
const isHexDigit = (code) => isDigit(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66);
const isAsciiAlphanumeric = (code) => isAsciiLetter(code) || isDigit(code);
/** Ends a tag name: HTML whitespace (tab, line feed, form feed, carriage return, space), `/` or `>`. */
const endsTagName = (code) => code === 0x2f || code === 0x3e || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
/** Lower-cased name of the tag whose name starts at `from` and whose `>` is at `gt`. */
function tagName(html, from, gt) {
    let end = from;
    while (end < gt && !endsTagName(html.charCodeAt(end)))
        end++;
    return html.slice(from, end).toLowerCase();
}
/**
 * Index just past the `>` of the closing tag of raw-text element `name` (`</script>`, `</STYLE >`,
 * ...) searched from `from`, or -1 if it is never closed.
 */
function rawTextEnd(html, name, from) {
    for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
        const after = at + 2 + name.length;
        if (after > html.length)
            return -1;
        if (html.slice(at + 2, after).toLowerCase() !== name)
            continue;
        if (after < html.length && !endsTagName(html.charCodeAt(after)))
            continue;
        const gt = html.indexOf('>', after);
        return gt < 0 ? -1 : gt + 1;
    }
    return -1;
}
/**
 * The character reference starting with the `&` at `at`, as `[text, end]`, or undefined if there is
 * none (then the `&` is text). Named references come from a short list, numeric ones must name a
 * Unicode scalar value other than U+0000. What they decode to goes through the same cleaning as
 * the rest of the text, so a reference to a control, bidi or zero-width character vanishes.
 */
function characterReference(html, at) {
    let i = at + 1;
    if (html.charCodeAt(i) === 0x23 /* # */) {
        const hex = (html.charCodeAt(i + 1) | 0x20) === 0x78; /* x */
        i += hex ? 2 : 1;
        const digits = i;
        let value = 0;
        for (let code = html.charCodeAt(i); hex ? isHexDigit(code) : isDigit(code); code = html.charCodeAt(++i)) {
            // Past the last code point, only whether it is too big matters: keep the number bounded.
            value = Math.min(value * (hex ? 16 : 10) + parseInt(String.fromCharCode(code), 16), 0x110000);
        }
        if (i === digits || html.charCodeAt(i) !== 0x3b /* ; */)
            return undefined;
        if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
            return undefined;
        return [String.fromCodePoint(value), i + 1];
    }
    while (i - at <= LONGEST_ENTITY_NAME && isAsciiLetter(html.charCodeAt(i)))
        i++;
    if (i === at + 1 || html.charCodeAt(i) !== 0x3b /* ; */)
        return undefined;
    const text = NAMED_ENTITIES.get(html.slice(at + 1, i).toLowerCase());
    return text === undefined ? undefined : [text, i + 1];
}
/**
 * One pass over `html`: text and decoded references are kept, tags become what stands for them in
 * plain text (a line break, a bullet, a space or nothing), comments, scripts and styles go. Every
 * search moves forward, and a search that fails ends the scan or is never repeated, so the pass is
 * linear in the length of `html`.
 */
function scanHtml(html) {
    const parts = [];
    /** Start of the text not yet copied to `parts`. */
    let text = 0;
    const lastGt = html.lastIndexOf('>');
    const emit = (at, replacement, next) => {
        parts.push(html.slice(text, at), replacement);
        text = next;
    };
    let i = 0;
    while (i < html.length) {
        const code = html.charCodeAt(i);
        if (code === 0x26 /* & */) {
            const reference = characterReference(html, i);
            if (reference) {
                emit(i, reference[0], reference[1]);
                i = reference[1];
            }
            else
                i++;
            continue;
        }
        if (code !== 0x3c /* < */) {
            i++;
            continue;
        }
        const next = html.charCodeAt(i + 1);
        if (next === 0x21 /* ! */ && html.startsWith('--', i + 2)) {
            const close = html.indexOf('-->', i + 4);
            if (close < 0) {
                // An unclosed comment hides the rest, as in a browser.
                emit(i, '', html.length);
                break;
            }
            emit(i, ' ', close + 3);
            i = close + 3;
            continue;
        }
        const closing = next === 0x2f; /* / */
        const opensTag = isAsciiLetter(next) || closing || next === 0x21 /* ! */ || next === 0x3f; /* ? */
        // A `<` that opens no tag, or whose tag never ends, is text (so is `< 15 min`).
        if (!opensTag || i > lastGt) {
            i++;
            continue;
        }
        const gt = html.indexOf('>', i + 2);
        const name = isAsciiLetter(next) || closing ? tagName(html, i + (closing ? 2 : 1), gt) : '';
        let end = gt + 1;
        let replacement = '';
        if (!closing && RAW_TEXT_TAGS.has(name)) {
            end = rawTextEnd(html, name, end);
            if (end < 0) {
                // An unclosed script or style hides the rest.
                emit(i, ' ', html.length);
                break;
            }
            replacement = ' ';
        }
        else if (name === 'br')
            replacement = '\n';
        else if (name === 'li' && !closing)
            replacement = '\n• ';
        else if (BLOCK_TAGS.has(name))
            replacement = '\n';
        else if (CELL_TAGS.has(name))
            replacement = ' ';
        // Any other tag (b, a, span, ..., `<!DOCTYPE>`, `<?xml?>`) goes without a trace, so `<b>x</b>.` is `x.`.
        emit(i, replacement, end);
        i = end;
    }
    parts.push(html.slice(text));
    return parts.join('');
}
/**
 * Plain text of an HTML fragment: scripts, styles and comments dropped, `<br>` and block tags
 * (p, div, ul, ol, li, table, tr, h1-h6) become line breaks, list items bullets (`• `), table cells
 * spaces, every other tag is removed, character references decoded. Runs of blanks become one
 * space, blank lines are dropped, control, bidi and zero-width characters removed, and the whole is
 * trimmed. Only the first {@link HTML_INPUT_MAX} characters are read (the text then ends with ` …`),
 * and the result is cut to `max` characters, the last of them `…`.
 */
function htmlToText(html, max = 4000) {
    const cut = html.length > HTML_INPUT_MAX;
    let text = squeeze(scanHtml(cut ? html.slice(0, HTML_INPUT_MAX) : html), true, false, max + 1);
    if (cut && text.length <= max)
        text = text === '' ? '…' : `${text} …`;
    return cap(text, max);
}
// ---------------------------------------------------------------------------------------------
// Markdown table cell
/** Emphasis, strike and code need a pair of these; a lone one is shown as it is. */
const PAIRED_MARKS = ['*', '_', '~', '`'];
const LEFT_BRACKET = '&#91;';
const RIGHT_BRACKET = '&#93;';
const ENTITY = {
    '|': '&#124;',
    '[': LEFT_BRACKET,
    ']': RIGHT_BRACKET,
    '\\': '&#92;',
    '*': '&#42;',
    _: '&#95;',
    '~': '&#126;',
    '`': '&#96;'
};
/** `http://x` is shown as `http[:]//x`, and `www.x` as `www[.]x`, so neither becomes a link. */
const DEFANGED_COLON = `${LEFT_BRACKET}:${RIGHT_BRACKET}`;
const DEFANGED_DOT = `${LEFT_BRACKET}.${RIGHT_BRACKET}`;
/** Looks like `＠` but is no mention: GitHub links and notifies `@name` after rendering. */
const INERT_AT = '\uff20';
/** Whether the text at `at` reads as a character reference, such as `&lt;` or `&#60;`. */
function looksLikeReference(text, at) {
    let i = at + 1;
    if (text.charCodeAt(i) === 0x23 /* # */)
        i++;
    const start = i;
    while (isAsciiAlphanumeric(text.charCodeAt(i)))
        i++;
    return i > start && text.charCodeAt(i) === 0x3b; /* ; */
}
/** Whether the code unit at `at` could continue a `@mention`. */
function continuesMention(text, at) {
    const code = text.charCodeAt(at);
    return isAsciiAlphanumeric(code) || code === 0x5f /* _ */ || code === 0x2d; /* - */
}
/** Whether the `.` at `at` ends a `www` (in any case). */
function endsWww(text, at) {
    return at >= 3 && text.slice(at - 3, at).toLowerCase() === 'www';
}
/**
 * Microsoft's and GitHub's own hosts, which the action's hints name (`az account get-access-token
 * --resource https://cloudpartner.azure.com`): a link to one of them is left as it is.
 */
const KNOWN_HOSTS = new Set([
    'cloudpartner.azure.com',
    'graph.microsoft.com',
    'login.microsoftonline.com',
    'partner.microsoft.com',
    'learn.microsoft.com',
    'portal.azure.com',
    'token.actions.githubusercontent.com'
]);
/**
 * Whether the `:` at `at` is the one of `https://` followed by a known host and then a blank, a `)`
 * or the end: a bare origin, as the hints write it. A path or query could make even a Microsoft
 * link a lure (a consent page with someone else's client ID), so those are defanged.
 */
function knownHttpsLink(text, at) {
    if (at < 5 || text.slice(at - 5, at) !== 'https' || (at > 5 && isAsciiAlphanumeric(text.charCodeAt(at - 6)))) {
        return false;
    }
    let end = at + 3;
    while (end < text.length && end - at < 64) {
        const code = text.charCodeAt(end);
        if (!(isAsciiAlphanumeric(code) || code === 0x2e /* . */ || code === 0x2d) /* - */)
            break;
        end++;
    }
    // A sentence's own punctuation may follow the origin: `https://graph.microsoft.com, not ...`.
    while (end > at + 3 && text.charCodeAt(end - 1) === 0x2e /* . */)
        end--;
    const after = text.charAt(end);
    // After the origin: nothing, or a blank or punctuation that ends the sentence's clause (never a path).
    const ends = (i) => i >= text.length || text.charAt(i) === ' ';
    const punctuationEnds = [')', ',', ';', '.'].includes(after) && ends(end + 1);
    return KNOWN_HOSTS.has(text.slice(at + 3, end)) && (ends(end) || punctuationEnds);
}
/** Whether `mark` occurs at least twice in `text`. */
function paired(text, mark) {
    const first = text.indexOf(mark);
    return first >= 0 && text.includes(mark, first + 1);
}
/**
 * Text made inert for a markdown table cell, yet left readable. The text is cut to `max`
 * characters, then each of its lines goes through {@link neutralize} and blank lines are dropped.
 * Nothing is left that could open an HTML tag or entity, a link (`[x](y)`, `http://`, `www.`; only
 * `https://` links to Microsoft's and GitHub's own hosts stay, for the action's hints),
 * a mention (`@name` shows as `＠name`), emphasis or code, or a `|` that splits the cell; lines are
 * joined with `<br>`, the only markup this function emits. `< 15 min`, `Scan & test` and `5 * 4`
 * stay as they are.
 */
function escapeCell(text, max = 2000) {
    const flat = truncate(text, max)
        .split(/\r\n|\r|\n/)
        .map((line) => neutralize(line, Infinity))
        .filter((line) => line !== '')
        .join('\n');
    const marks = new Set(PAIRED_MARKS.filter((mark) => paired(flat, mark)));
    let out = '';
    let plain = 0;
    const emit = (at, replacement) => {
        out += flat.slice(plain, at) + replacement;
        plain = at + 1;
    };
    for (let i = 0; i < flat.length; i++) {
        const char = flat.charAt(i);
        switch (char) {
            case '\n':
                emit(i, '<br>');
                break;
            case '|':
            case '[':
            case ']':
            case '\\':
                emit(i, ENTITY[char] ?? char);
                break;
            case '*':
            case '_':
            case '~':
            case '`':
                if (marks.has(char))
                    emit(i, ENTITY[char] ?? char);
                break;
            case '&':
                if (looksLikeReference(flat, i))
                    emit(i, '&amp;');
                break;
            case '<': {
                const next = flat.charCodeAt(i + 1);
                if (isAsciiLetter(next) || next === 0x2f || next === 0x21 || next === 0x3f)
                    emit(i, '&lt;');
                break;
            }
            case '@':
                if (continuesMention(flat, i + 1))
                    emit(i, INERT_AT);
                break;
            case ':':
                if (flat.startsWith('//', i + 1) && !knownHttpsLink(flat, i))
                    emit(i, DEFANGED_COLON);
                break;
            case '.':
                if (endsWww(flat, i))
                    emit(i, DEFANGED_DOT);
                break;
        }
    }
    return out + flat.slice(plain);
}
// ---------------------------------------------------------------------------------------------
// A word for an output
/**
 * `text` reduced to ASCII letters, digits and single hyphens, for an output that later steps may
 * interpolate into a shell: every run of other characters (hyphens included) becomes one hyphen,
 * none is left at either end, and the result has at most `max` characters. `In Progress!` becomes
 * `In-Progress`, `$(rm -rf /)` becomes `rm-rf`; text without a letter or digit becomes `''`.
 */
function plainWord(text, max = 64) {
    let out = '';
    let gap = false;
    for (let i = 0; i < text.length && out.length < max; i++) {
        if (isAsciiAlphanumeric(text.charCodeAt(i))) {
            if (gap && out !== '')
                out += '-';
            gap = false;
            out += text.charAt(i);
        }
        else
            gap = true;
    }
    out = out.slice(0, Math.max(0, max));
    return out.endsWith('-') ? out.slice(0, -1) : out;
}

;// CONCATENATED MODULE: ./src/failure.ts
/**
 * What a request that got no usable answer means to the caller: worth another try (no response,
 * a reset, an answer too large) or not (a redirect, which the action never follows).
 */


/** The outcome of a request to `what` (e.g. `Entra ID sign-in`; empty for the status API) that threw. */
function failureOutcome(error, timeoutMs, what = '') {
    const prefix = what ? `${what}: ` : '';
    const message = neutralize(error instanceof Error ? error.message : String(error), 300);
    if (!(error instanceof RequestFailure))
        return { kind: 'transient', reason: `${prefix}connection failed: ${message}` };
    switch (error.kind) {
        case 'timeout':
            return { kind: 'transient', reason: `${prefix}no response within ${timeoutMs}ms`, timedOut: true };
        case 'aborted':
            return { kind: 'transient', reason: `${prefix}request cancelled` };
        case 'redirect':
            return {
                kind: 'fatal',
                reason: `${prefix}${message}: the action never follows a redirect, so that credentials stay with the configured host; check the URL input`
            };
        case 'too-large':
            return { kind: 'transient', reason: `${prefix}${message}` };
        case 'network':
            return { kind: 'transient', reason: `${prefix}connection failed: ${message}` };
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/util.js

// functions
function assertEqual(val) {
    return val;
}
function assertNotEqual(val) {
    return val;
}
function toZod() {
    return (schema) => schema;
}
function assertIs(_arg) { }
function assertNever(_x) {
    throw new Error("Unexpected value in exhaustive check");
}
function assert(_) { }
function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
const EVALUATING = /* @__PURE__*/ (/* unused pure expression or super */ null && (Symbol("evaluating")));
function defineLazy(object, key, getter) {
    let value = undefined;
    Object.defineProperty(object, key, {
        get() {
            if (value === EVALUATING) {
                // Circular reference detected, return undefined to break the cycle
                return undefined;
            }
            if (value === undefined) {
                value = EVALUATING;
                value = getter();
            }
            return value;
        },
        set(v) {
            Object.defineProperty(object, key, {
                value: v,
                // configurable: true,
            });
            // object[key] = v;
        },
        configurable: true,
    });
}
function objectClone(obj) {
    return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
    return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path) {
    if (!path)
        return obj;
    return path.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
    const keys = Object.keys(promisesObj);
    const promises = keys.map((key) => promisesObj[key]);
    return Promise.all(promises).then((results) => {
        const resolvedObj = {};
        for (let i = 0; i < keys.length; i++) {
            resolvedObj[keys[i]] = results[i];
        }
        return resolvedObj;
    });
}
function randomString(length = 10) {
    const chars = "abcdefghijklmnopqrstuvwxyz";
    let str = "";
    for (let i = 0; i < length; i++) {
        str += chars[Math.floor(Math.random() * chars.length)];
    }
    return str;
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function util_isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const allowsEval = /* @__PURE__*/ (/* unused pure expression or super */ null && (cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (globalConfig.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
})));
function isPlainObject(o) {
    if (util_isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (util_isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
function numKeys(data) {
    let keyCount = 0;
    for (const key in data) {
        if (Object.prototype.hasOwnProperty.call(data, key)) {
            keyCount++;
        }
    }
    return keyCount;
}
const getParsedType = (data) => {
    const t = typeof data;
    switch (t) {
        case "undefined":
            return "undefined";
        case "string":
            return "string";
        case "number":
            return Number.isNaN(data) ? "nan" : "number";
        case "boolean":
            return "boolean";
        case "function":
            return "function";
        case "bigint":
            return "bigint";
        case "symbol":
            return "symbol";
        case "object":
            if (Array.isArray(data)) {
                return "array";
            }
            if (data === null) {
                return "null";
            }
            if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
                return "promise";
            }
            if (typeof Map !== "undefined" && data instanceof Map) {
                return "map";
            }
            if (typeof Set !== "undefined" && data instanceof Set) {
                return "set";
            }
            if (typeof Date !== "undefined" && data instanceof Date) {
                return "date";
            }
            // @ts-ignore
            if (typeof File !== "undefined" && data instanceof File) {
                return "file";
            }
            return "object";
        default:
            throw new Error(`Unknown data type: ${t}`);
    }
};
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
const primitiveTypes = /* @__PURE__*/ new Set([
    "string",
    "number",
    "bigint",
    "boolean",
    "symbol",
    "undefined",
]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function createTransparentProxy(getter) {
    let target;
    return new Proxy({}, {
        get(_, prop, receiver) {
            target ?? (target = getter());
            return Reflect.get(target, prop, receiver);
        },
        set(_, prop, value, receiver) {
            target ?? (target = getter());
            return Reflect.set(target, prop, value, receiver);
        },
        has(_, prop) {
            target ?? (target = getter());
            return Reflect.has(target, prop);
        },
        deleteProperty(_, prop) {
            target ?? (target = getter());
            return Reflect.deleteProperty(target, prop);
        },
        ownKeys(_) {
            target ?? (target = getter());
            return Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(_, prop) {
            target ?? (target = getter());
            return Reflect.getOwnPropertyDescriptor(target, prop);
        },
        defineProperty(_, prop, descriptor) {
            target ?? (target = getter());
            return Reflect.defineProperty(target, prop, descriptor);
        },
    });
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}
// Wrapped in a `@__PURE__` IIFE: esbuild never tree-shakes a top-level initializer that contains a member access on `Number`, so the bare object literal survived into every bundle.
const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (/* unused pure expression or super */ null && ((() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-3.4028234663852886e38, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))()));
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
function getSizableOrigin(input) {
    if (input instanceof Set)
        return "set";
    if (input instanceof Map)
        return "map";
    // @ts-ignore
    if (input instanceof File)
        return "file";
    return "unknown";
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function util_issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
function cleanEnum(obj) {
    return Object.entries(obj)
        .filter(([k, _]) => {
        // return true if NaN, meaning it's not a number, thus a string key
        return Number.isNaN(Number.parseInt(k, 10));
    })
        .map((el) => el[1]);
}
// Codec utility functions
function base64ToUint8Array(base64) {
    const binaryString = atob(base64);
    const bytes = new Uint8Array(binaryString.length);
    for (let i = 0; i < binaryString.length; i++) {
        bytes[i] = binaryString.charCodeAt(i);
    }
    return bytes;
}
function uint8ArrayToBase64(bytes) {
    let binaryString = "";
    for (let i = 0; i < bytes.length; i++) {
        binaryString += String.fromCharCode(bytes[i]);
    }
    return btoa(binaryString);
}
function base64urlToUint8Array(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const padding = "=".repeat((4 - (base64.length % 4)) % 4);
    return base64ToUint8Array(base64 + padding);
}
function uint8ArrayToBase64url(bytes) {
    return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
    const cleanHex = hex.replace(/^0x/, "");
    if (cleanHex.length % 2 !== 0) {
        throw new Error("Invalid hex string length");
    }
    const bytes = new Uint8Array(cleanHex.length / 2);
    for (let i = 0; i < cleanHex.length; i += 2) {
        bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
    }
    return bytes;
}
function uint8ArrayToHex(bytes) {
    return Array.from(bytes)
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
}
// instanceof
class Class {
    constructor(..._args) { }
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/core.js
var _a;

/** A special constant with type `never` */
const NEVER = /*@__PURE__*/ Object.freeze({
    status: "aborted",
});
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                members(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
//////////////////////////////   UTILITIES   ///////////////////////////////////////
const $brand = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("zod_brand")));
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
const core_globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(core_globalConfig, newConfig);
    return core_globalConfig;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/checks.js
// import { $ZodType } from "./schemas.js";



const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for size-based checks: run only on non-nullish values with a `size`. */
const _whenHasSize = (payload) => {
    const val = payload.value;
    return !util.nullish(val) && val.size !== undefined;
};
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !nullish(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckGreaterThan = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMultipleOf = 
/*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : util.floatSafeRemainder(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckNumberFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = util.NUMBER_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodCheckBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckBigIntFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    const [minimum, maximum] = util.BIGINT_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (input < minimum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_small",
                minimum: minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodCheckMaxSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMaxSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size <= def.maximum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMinSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMinSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size >= def.minimum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckSizeEquals = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckSizeEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size === def.size)
            return;
        const tooBig = size > def.size;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            ...(tooBig ? { code: "too_big", maximum: def.size } : { code: "too_small", minimum: def.size }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMaxLength = /*@__PURE__*/ $constructor("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
        if (length <= def.maximum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? codePointLength(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLengthEquals = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? util.codePointLength(input)
            : units;
        if (length === def.length)
            return;
        const origin = util.getLengthableOrigin(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckStringFormat = /*@__PURE__*/ $constructor("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
});
const $ZodCheckRegex = /*@__PURE__*/ $constructor("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLowerCase = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.lowercase);
    $ZodCheckStringFormat.init(inst, def);
})));
const $ZodCheckUpperCase = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.uppercase);
    $ZodCheckStringFormat.init(inst, def);
})));
const $ZodCheckIncludes = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = util.escapeRegex(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckStartsWith = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${util.escapeRegex(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckEndsWith = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${util.escapeRegex(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
///////////////////////////////////
/////    $ZodCheckProperty    /////
///////////////////////////////////
function handleCheckPropertyResult(result, payload, property) {
    if (result.issues.length) {
        payload.issues.push(...util.prefixIssues(property, result.issues));
    }
}
const $ZodCheckProperty = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckProperty", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        const result = def.schema._zod.run({
            value: payload.value[def.property],
            issues: [],
        }, {});
        if (result instanceof Promise) {
            return result.then((result) => handleCheckPropertyResult(result, payload, def.property));
        }
        handleCheckPropertyResult(result, payload, def.property);
        return;
    };
})));
const $ZodCheckProperties = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckProperties", (inst, def) => {
    $ZodCheck.init(inst, def);
    util.hide(inst, Symbol.iterator, function* () {
        yield inst;
    });
    // key and schema snapshotted together: reading one live and the other cached lets a later mutation of the caller's shape object pair a stale key with a missing schema
    let entries;
    inst._zod.check = (payload) => {
        // the base schema already typed the value, so only a nullish one is rejected here: the properties read on a primitive too, matching z.property() on a string's length
        if (payload.value == null) {
            payload.issues.push({ expected: "object", code: "invalid_type", input: payload.value, inst });
            return undefined;
        }
        entries ?? (entries = Reflect.ownKeys(def.shape).map((key) => [key, def.shape[key]]));
        const input = payload.value;
        let proms;
        for (const [key, schema] of entries) {
            const result = schema._zod.run({ value: input[key], issues: [] }, {});
            if (result instanceof Promise) {
                proms ?? (proms = []);
                proms.push(result.then((result) => handleCheckPropertyResult(result, payload, key)));
            }
            else {
                handleCheckPropertyResult(result, payload, key);
            }
        }
        if (proms)
            return Promise.all(proms).then(() => undefined);
        return undefined;
    };
})));
const $ZodCheckMimeType = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMimeType", (inst, def) => {
    $ZodCheck.init(inst, def);
    const mimeSet = new Set(def.mime);
    inst._zod.check = (payload) => {
        if (mimeSet.has(payload.value.type))
            return;
        payload.issues.push({
            code: "invalid_value",
            values: def.mime,
            input: payload.value.type,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckOverwrite = /*@__PURE__*/ $constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/regexes.js

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** Implements ISO 8601-2 extensions like explicit +- prefixes, mixing weeks with other units, and fractional/negative components. */
const extendedDuration = /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
const uuid4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(4)));
const uuid6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(6)));
const uuid7 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(7)));
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/** Equivalent to the HTML5 input[type=email] validation implemented by browsers. Source: https://developer.mozilla.org/en-US/docs/Web/HTML/Element/input/email */
const html5Email = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** The classic emailregex.com regex for RFC 5322-compliant emails */
const rfc5322Email = /^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
/** A loose regex that allows Unicode characters, enforces length limits, and that's about it. */
const unicodeEmail = /^[^\s@"]{1,64}@[^\s@]{1,255}$/u;
const idnEmail = (/* unused pure expression or super */ null && (unicodeEmail));
const browserEmail = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji = (/* unused pure expression or super */ null && (`^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`));
function emoji() {
    return new RegExp(_emoji, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const mac = (delimiter) => {
    const escapedDelim = util.escapeRegex(delimiter ?? ":");
    return new RegExp(`^(?:[0-9A-F]{2}${escapedDelim}){5}[0-9A-F]{2}$|^(?:[0-9a-f]{2}${escapedDelim}){5}[0-9a-f]{2}$`);
};
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
// based on https://stackoverflow.com/questions/106179/regular-expression-to-match-dns-hostname-or-ip-address
// export const hostname: RegExp = /^([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+$/;
const hostname = /^(?=.{1,253}\.?$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\.?$/;
const domain = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
// Credit card shape: 12–19 digits, optionally separated by single spaces or single hyphens. ISO/IEC 7812 caps the PAN at 19 digits; 12 is the shortest issued length (Maestro).
const creditCard = /^\d(?:[ -]?\d){11,18}$/;
// ISO 4217 alpha codes from the SIX list, regenerated by scripts/update-iso-4217.ts
const currencyCode = /^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BHD|BIF|BMD|BND|BOB|BOV|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHE|CHF|CHW|CLF|CLP|CNY|COP|COU|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MXV|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|USN|UYI|UYU|UYW|UZS|VED|VES|VND|VUV|WST|XAD|XAF|XAG|XAU|XBA|XBB|XBC|XBD|XCD|XCG|XDR|XOF|XPD|XPF|XPT|XSU|XTS|XUA|XXX|YER|ZAR|ZMW|ZWG)$/;
// iban electronic format: 2-letter country, check digits 02-98 (the only values `98 - remainder` can produce), 11-30 bban characters
const iban = /^[A-Z]{2}(?!00|01|99)\d{2}[A-Z0-9]{11,30}$/;
const dateSource = (/* unused pure expression or super */ null && (`(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`));
/** Anchors a pattern source. The interpolation lives here rather than at the call site because
 * esbuild will not drop a `@__PURE__` call whose own argument interpolates a variable, but it
 * will drop `anchor(dateSource)`. Keeping it inline pinned `date` into every bundle. */
function regexes_anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ (/* unused pure expression or super */ null && (regexes_anchor(dateSource)));
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const string = (params) => {
    const regex = params ? `[\\s\\S]{${params?.minimum ?? 0},${params?.maximum ?? ""}}` : `[\\s\\S]*`;
    return new RegExp(`^${regex}$`);
};
const bigint = /^-?\d+n?$/;
const integer = /^-?\d+$/;
const number = /^-?\d+(?:\.\d+)?$/;
const regexes_boolean = /^(?:true|false)$/i;
const _null = /^null$/i;

const _undefined = /^undefined$/i;

// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;
// regex for hexadecimal strings (any length)
const hex = /^[0-9a-fA-F]*$/;
// Hash regexes for different algorithms and encodings
// Helper function to create base64 regex with exact length and padding
function fixedBase64(bodyLength, padding) {
    return new RegExp(`^[A-Za-z0-9+/]{${bodyLength}}${padding}$`);
}
// Helper function to create base64url regex with exact length (no padding)
function fixedBase64url(length) {
    return new RegExp(`^[A-Za-z0-9_-]{${length}}$`);
}
// MD5 (16 bytes): base64 = 24 chars total (22 + "==")
const md5_hex = /^[0-9a-fA-F]{32}$/;
const md5_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(22, "==")));
const md5_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(22)));
// SHA1 (20 bytes): base64 = 28 chars total (27 + "=")
const sha1_hex = /^[0-9a-fA-F]{40}$/;
const sha1_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(27, "=")));
const sha1_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(27)));
// SHA256 (32 bytes): base64 = 44 chars total (43 + "=")
const sha256_hex = /^[0-9a-fA-F]{64}$/;
const sha256_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(43, "=")));
const sha256_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(43)));
// SHA384 (48 bytes): base64 = 64 chars total (no padding)
const sha384_hex = /^[0-9a-fA-F]{96}$/;
const sha384_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(64, "")));
const sha384_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(64)));
// SHA512 (64 bytes): base64 = 88 chars total (86 + "==")
const sha512_hex = /^[0-9a-fA-F]{128}$/;
const sha512_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(86, "==")));
const sha512_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(86)));

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/versions.js
const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/schemas.js







const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = aborted(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new $ZodAsyncError();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (aborted(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}

const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    checks.$ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
})));
const $ZodGUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.guid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodUUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = regexes.uuid(v));
    }
    else
        def.pattern ?? (def.pattern = regexes.uuid());
    $ZodStringFormat.init(inst, def);
})));
const $ZodEmail = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.email);
    $ZodStringFormat.init(inst, def);
})));
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === regexes.httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodEmoji = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.emoji());
    $ZodStringFormat.init(inst, def);
})));
const $ZodNanoID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? regexes.nanoid : regexes.nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
})));
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cuid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodCUID2 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cuid2);
    $ZodStringFormat.init(inst, def);
})));
const $ZodULID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ulid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodXID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.xid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodKSUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ksuid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodISODateTime = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.datetime(def));
    $ZodStringFormat.init(inst, def);
})));
const $ZodISODate = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.date);
    $ZodStringFormat.init(inst, def);
})));
const $ZodISOTime = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.time(def));
    $ZodStringFormat.init(inst, def);
})));
const $ZodISODuration = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.duration);
    $ZodStringFormat.init(inst, def);
})));
const $ZodIPv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ipv4);
    $ZodStringFormat.init(inst, def);
})));
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMAC", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.mac(def.delimiter));
    $ZodStringFormat.init(inst, def);
})));
const $ZodCIDRv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cidrv4);
    $ZodStringFormat.init(inst, def);
})));
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cidrv6); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodE164 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.e164);
    $ZodStringFormat.init(inst, def);
})));
//////////////////////////////   ZodCreditCard   //////////////////////////////
const CC_SANITIZE = /[- ]/g;
/** Luhn checksum on a digit-only string. Adapted from valibot (MIT). */
function isLuhnAlgo(digits) {
    let length = digits.length;
    let bit = 1;
    let sum = 0;
    while (length) {
        const value = digits.charCodeAt(--length) - 48;
        bit ^= 1;
        sum += bit ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][value] : value;
    }
    return sum % 10 === 0;
}
function isValidCreditCard(input) {
    if (!regexes.creditCard.test(input))
        return false;
    return isLuhnAlgo(input.replace(CC_SANITIZE, ""));
}
const $ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCreditCard", (inst, def) => {
    // Shape only — the Luhn check below is not expressible as a pattern, so consumers of `pattern` (JSON Schema, template literals) get the length and separator rules alone.
    def.pattern ?? (def.pattern = regexes.creditCard);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidCreditCard(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "credit_card",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodIBAN   //////////////////////////////
// iso 7064 mod 97-10 checksum without BigInt
function isIso7064Mod97(iban) {
    let remainder = 0;
    const len = iban.length;
    for (let i = 4; i < len; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    for (let i = 0; i < 4; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    return remainder === 1;
}
function isValidIBAN(input) {
    if (!regexes.iban.test(input))
        return false;
    return isIso7064Mod97(input);
}
const $ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIBAN", (inst, def) => {
    // shape only — checksum is not expressible as a pattern
    def.pattern ?? (def.pattern = regexes.iban);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidIBAN(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "iban",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCustomStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (def.fn(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: def.format,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodNumber = /*@__PURE__*/ $constructor("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNumberFormat", (inst, def) => {
    checks.$ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
})));
const $ZodBoolean = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.boolean;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodBigInt = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBigInt", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.bigint;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = BigInt(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "bigint")
            return payload;
        payload.issues.push({
            expected: "bigint",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
})));
const $ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBigIntFormat", (inst, def) => {
    checks.$ZodCheckBigIntFormat.init(inst, def);
    $ZodBigInt.init(inst, def); // no format checks
})));
const $ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSymbol", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "symbol")
            return payload;
        payload.issues.push({
            expected: "symbol",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUndefined", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.undefined;
    inst._zod.values = new Set([undefined]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "undefined",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNull", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.null;
    inst._zod.values = new Set([null]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (input === null)
            return payload;
        payload.issues.push({
            expected: "null",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodAny", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
})));
const $ZodUnknown = /*@__PURE__*/ $constructor("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
})));
const $ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodVoid", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "void",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodDate = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodDate", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce) {
            try {
                payload.value = new Date(payload.value);
            }
            catch (_err) { }
        }
        const input = payload.value;
        const isDate = input instanceof Date;
        const isValidDate = isDate && !Number.isNaN(input.getTime());
        if (isValidDate)
            return payload;
        payload.issues.push({
            expected: "date",
            code: "invalid_type",
            input,
            ...(isDate ? { received: "Invalid Date" } : {}),
            inst,
        });
        return payload;
    };
})));
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = sizeCaps(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    attachSchema(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
const mapSize = (input) => (input instanceof Map ? input.size : -1);
const setSize = (input) => (input instanceof Set ? input.size : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core_globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && aborted(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = optionalKeys(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = cached(() => normalizeDef(def));
    defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject = util_isObject;
    const catchall = def.catchall;
    let value;
    const memo = core_globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodObjectJIT = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = util.cached(() => normalizeDef(def));
    const memo = core.globalConfig.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : util.esc(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject = util.isObject;
    const jit = !core.globalConfig.jitless;
    const allowsEval = util.allowsEval;
    const fastEnabled = jit && allowsEval.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
})));
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !aborted(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ $constructor("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
function handleExclusiveUnionResults(results, final, inst, ctx) {
    const matches = [];
    for (let i = 0; i < results.length; i++) {
        if (results[i].issues.length === 0)
            matches.push(i);
    }
    if (matches.length === 1) {
        final.value = results[matches[0]].value;
        return final;
    }
    if (matches.length === 0) {
        // No matches - same as regular union
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: results.map((result) => result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config()))),
        });
    }
    else {
        // Multiple matches - exclusive union failure
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: [],
            inclusive: false,
            matches,
        });
    }
    return final;
}
const $ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodXor", (inst, def) => {
    $ZodUnion.init(inst, def);
    def.inclusive = false;
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                results.push(result);
            }
        }
        if (!async)
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        });
    };
})));
/** Returns the option whose discriminator claims `value`, or throws if ambiguous. */
function getDiscriminatedOption(union, value) {
    const internals = union._zod;
    let map = internals.bag.optionsMap;
    if (!map) {
        map = discriminatorMap(internals.def);
        internals.bag.optionsMap = map;
    }
    const option = map.get(value);
    if (option === null)
        throw new Error(`Ambiguous discriminator value "${String(value)}"`);
    return option;
}
function discriminatorMap(def) {
    const map = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[def.discriminator];
        if (!values || values.size === 0)
            throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
        for (const value of values) {
            if (map.has(value)) {
                if (value !== undefined)
                    throw new Error(`Duplicate discriminator value "${String(value)}"`);
                // keep the collision marked so a later member cannot reclaim it
                map.set(value, null);
            }
            else {
                map.set(value, option);
            }
        }
    }
    return map;
}
const $ZodDiscriminatedUnion = 
/*@__PURE__*/
(/* unused pure expression or super */ null && (core.$constructor("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    util.defineLazyInternal(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
            const pv = option._zod.propValues;
            if (!pv || Object.keys(pv).length === 0)
                throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
            if (pv[zod.def.discriminator]?.has(undefined))
                undefinedCount++;
            for (const [k, v] of Object.entries(pv)) {
                if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
                    util.assignProp(propValues, k, new Set());
                }
                for (const val of v) {
                    propValues[k].add(val);
                }
            }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
            propValues[zod.def.discriminator]?.delete(undefined);
        return propValues;
    });
    // Checked now rather than in the lookup map below, so an option that lacks the discriminator fails at the `discriminatedUnion` call instead of on the first object parsed. Options whose shape cannot be enumerated without resolving it — pipes and lazies — are left to the map.
    def.options.forEach((option, i) => {
        const propShape = util.rawShape(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
            throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
    });
    const disc = util.cached(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!util.isObject(input)) {
            payload.issues.push({
                code: "invalid_type",
                expected: "object",
                input,
                inst,
            });
            return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        // forward metadata cannot choose an encoder for an absent tag
        if (opt && (value !== undefined || ctx.direction !== "backward")) {
            return opt._zod.run(payload, ctx);
        }
        // Fall back to union matching when the fast discriminator path fails:
        // - explicitly enabled via unionFallback, or
        // - during backward direction (encode), since codec-based discriminators have different values in forward vs backward directions
        if (def.unionFallback || ctx.direction === "backward") {
            return _super(payload, ctx);
        }
        // no matching discriminator
        payload.issues.push({
            code: "invalid_union",
            errors: [],
            note: "No matching discriminator",
            discriminator: def.discriminator,
            options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
            input,
            path: [def.discriminator],
            inst,
        });
        return payload;
    };
})));
const $ZodIntersection = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
})));
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (util.isPlainObject(a) && util.isPlainObject(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (util.aborted(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodTuple = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodTuple", (inst, def) => {
    $ZodType.init(inst, def);
    const items = def.items;
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                input,
                inst,
                expected: "tuple",
                code: "invalid_type",
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
            if (input.length < optinStart) {
                payload.issues.push({
                    code: "too_small",
                    minimum: optinStart,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
                return payload;
            }
            if (input.length > items.length) {
                payload.issues.push({
                    code: "too_big",
                    maximum: items.length,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
            }
        }
        // Run every item in parallel, collecting results into an indexed array. The post-processing in `handleTupleResults` walks them in order so it can decide whether an absent optional-output error can truncate the tail or must be reported to preserve required output.
        const itemResults = new Array(items.length);
        // only tracked when there is a rest loop to skip
        const abortEarly = def.rest ? ctx?.abortEarly : undefined;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
            const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((rr) => {
                    itemResults[i] = rr;
                }));
            }
            else {
                itemResults[i] = r;
                if (abortEarly && !itemAborted && r.issues.length)
                    itemAborted = util.aborted(r);
            }
        }
        // sound because rest is non-empty exactly when every fixed index is present, the one case handleTupleResults cannot discard an item's issues
        if (def.rest && !itemAborted) {
            let i = items.length - 1;
            const rest = input.slice(items.length);
            let seen = payload.issues.length;
            for (const el of rest) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (util.aborted(payload, seen))
                        break;
                    seen = payload.issues.length;
                }
                i++;
                const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((r) => handleTupleResult(r, payload, i)));
                }
                else {
                    handleTupleResult(result, payload, i);
                }
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
    };
})));
function getTupleOptStart(items, key) {
    for (let i = items.length - 1; i >= 0; i--) {
        // optin is a three-rung ladder so any rung above `undefined` permits an absent slot; optout stays two-valued.
        const omittable = key === "optin" ? items[i]._zod.optin !== undefined : items[i]._zod.optout === "optional";
        if (!omittable)
            return i + 1;
    }
    return 0;
}
function handleTupleResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...util.prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
    // Walk results in order. Mirror $ZodObject's swallow-on-absent-optional rule, but only after `optoutStart`: the first index where the output tuple tail can be absent.
    for (let i = 0; i < items.length; i++) {
        const r = itemResults[i];
        const isPresent = i < input.length;
        // The array analog of `handlePropertyResult`'s absent-key early return: the middle rung permits absence without supplying anything in its place, so the tail truncates here instead of materializing whatever the item made of `undefined`.
        if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
            final.value.length = i;
            break;
        }
        if (r.issues.length) {
            if (!isPresent && i >= optoutStart) {
                final.value.length = i;
                break;
            }
            final.issues.push(...util.prefixIssues(i, r.issues));
        }
        final.value[i] = r.value;
    }
    // Drop trailing slots that produced `undefined` for absent input
    // (the array analog of an absent optional key on an object). The
    // `i >= input.length` floor is critical: an explicit `undefined`
    // *inside* the input must be preserved even when the schema is
    // optional-out (e.g. `z.string().or(z.undefined())` accepting an
    // explicit undefined value).
    for (let i = final.value.length - 1; i >= input.length; i--) {
        if (items[i]._zod.optout === "optional" && final.value[i] === undefined) {
            final.value.length = i;
        }
        else {
            break;
        }
    }
    return final;
}
const $ZodRecord = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!util.isPlainObject(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...util.prefixIssues(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...util.prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && regexes.number.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...util.prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...util.prefixIssues(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
})));
const $ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMap", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Map)) {
            payload.issues.push({
                expected: "map",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Map(), ctx) : new Map();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const [key, value] of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            const valueResult = def.valueType._zod.run({ value: value, issues: [] }, ctx);
            if (keyResult instanceof Promise || valueResult instanceof Promise) {
                proms.push(Promise.all([keyResult, valueResult]).then(([keyResult, valueResult]) => {
                    handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
                }));
            }
            else {
                handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
            }
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, mapSize);
})));
function handleMapResult(keyResult, valueResult, final, key, input, inst, ctx) {
    if (keyResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, keyResult.issues));
        }
        else {
            final.issues.push({
                code: "invalid_key",
                origin: "map",
                input,
                inst,
                issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    if (valueResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, valueResult.issues));
        }
        else {
            final.issues.push({
                origin: "map",
                code: "invalid_element",
                input,
                inst,
                key: key,
                issues: valueResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    final.value.set(keyResult.value, valueResult.value);
}
const $ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSet", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Set)) {
            payload.issues.push({
                input,
                inst,
                expected: "set",
                code: "invalid_type",
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Set(), ctx) : new Set();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const item of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const result = def.valueType._zod.run({ value: item, issues: [] }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleSetResult(result, payload)));
            }
            else
                handleSetResult(result, payload);
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, setSize);
})));
function handleSetResult(result, final) {
    if (result.issues.length) {
        final.issues.push(...result.issues);
    }
    final.value.add(result.value);
}
const $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    util.defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? util.escapeRegex(o) : o ? util.escapeRegex(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFile", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        // @ts-ignore
        if (input instanceof File)
            return payload;
        payload.issues.push({
            expected: "file",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodTransform = /*@__PURE__*/ $constructor("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    core_globalConfig.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodExactOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    util.defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
})));
const $ZodNullable = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    util.defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${util.cleanRegex(pattern.source)}|null)$`) : undefined;
    });
    util.defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
})));
const $ZodDefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
})));
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
})));
const $ZodNonOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
})));
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
const $ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSuccess", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new core.$ZodEncodeError("ZodSuccess");
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => {
                payload.value = result.issues.length === 0;
                return payload;
            });
        }
        payload.value = result.issues.length === 0;
        return payload;
    };
})));
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ $constructor("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
});
const $ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNaN", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "number" || !Number.isNaN(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "nan",
                code: "invalid_type",
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodPipe = /*@__PURE__*/ $constructor("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCodec", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        const direction = ctx.direction || "forward";
        if (direction === "forward") {
            const left = def.in._zod.run(payload, ctx);
            if (left instanceof Promise) {
                return left.then((left) => handleCodecAResult(left, def, ctx));
            }
            return handleCodecAResult(left, def, ctx);
        }
        else {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handleCodecAResult(right, def, ctx));
            }
            return handleCodecAResult(right, def, ctx);
        }
    };
})));
function handleCodecAResult(result, def, ctx) {
    if (result.issues.length) {
        // prevent further checks
        result.aborted = true;
        return result;
    }
    const direction = ctx.direction || "forward";
    if (direction === "forward") {
        const transformed = def.transform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.out, ctx));
        }
        return handleCodecTxResult(result, transformed, def.out, ctx);
    }
    else {
        const transformed = def.reverseTransform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.in, ctx));
        }
        return handleCodecTxResult(result, transformed, def.in, ctx);
    }
}
function handleCodecTxResult(left, value, nextSchema, ctx) {
    // Check if transform added any issues
    if (left.issues.length) {
        left.aborted = true;
        return left;
    }
    return nextSchema._zod.run({ value, issues: left.issues }, ctx);
}
const $ZodPreprocess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPreprocess", (inst, def) => {
    $ZodPipe.init(inst, def);
})));
const $ZodReadonly = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
})));
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
// a leaf's pattern source with its own checks folded in: the last pattern-carrying check wins, else length bounds narrow the catch-all, else an integer format narrows the number form. the fold lives here instead of on `_zod.pattern` so a bundle without template literals never pays for it
function leafPattern(schema) {
    const def = schema._zod.def;
    let pattern = def.pattern;
    let isInt = !!def.format?.includes("int");
    let minimum;
    let maximum;
    for (const ch of def.checks ?? []) {
        const d = ch._zod.def;
        if (d.pattern)
            pattern = d.pattern;
        isInt || (isInt = !!d.format?.includes("int"));
        const lo = d.minimum ?? d.length;
        const hi = d.maximum ?? d.length;
        if (lo !== undefined && (minimum === undefined || lo > minimum))
            minimum = lo;
        if (hi !== undefined && (maximum === undefined || hi < maximum))
            maximum = hi;
    }
    if (pattern)
        return pattern.source;
    // an empty range matches nothing at runtime, and `{8,5}` is not a legal quantifier
    if (minimum !== undefined && maximum !== undefined && minimum > maximum)
        return "(?!)";
    if (minimum !== undefined || maximum !== undefined)
        return regexes.string({ minimum, maximum }).source;
    const own = schema._zod.pattern;
    return (isInt && own === regexes.number ? regexes.integer : own)?.source;
}
// a part's pattern source. a wrapper's pattern embeds its inner pattern's source verbatim, so the folded form is substituted in place without knowing the wrapper's own composition; a union's options are joined the way the union builds its own pattern
function partPattern(schema) {
    const def = schema._zod.def;
    const own = schema._zod.pattern?.source;
    // lazy resolves its inner on the internals, not the def
    const inner = def.innerType ?? schema._zod.innerType;
    if (inner) {
        const before = inner._zod.pattern?.source;
        const after = partPattern(inner);
        if (own && before && after && after !== before) {
            return own.replace(util.cleanRegex(before), () => util.cleanRegex(after));
        }
        return own;
    }
    if (def.options) {
        const sources = def.options.map(partPattern);
        if (sources.every(Boolean))
            return `^(${sources.map((s) => util.cleanRegex(s)).join("|")})$`;
    }
    return leafPattern(schema);
}
const $ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodTemplateLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const regexParts = [];
    for (const part of def.parts) {
        if (typeof part === "object" && part !== null) {
            // is Zod schema
            const source = partPattern(part);
            if (!source) {
                throw new Error(`Invalid template literal part, no pattern found: ${[...part._zod.traits].shift()}`);
            }
            regexParts.push(util.cleanRegex(source));
        }
        else if (part === null || util.primitiveTypes.has(typeof part)) {
            regexParts.push(util.escapeRegex(`${part}`));
        }
        else {
            throw new Error(`Invalid template literal part: ${part}`);
        }
    }
    inst._zod.pattern = new RegExp(`^${regexParts.join("")}$`);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "string") {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "string",
                code: "invalid_type",
            });
            return payload;
        }
        inst._zod.pattern.lastIndex = 0;
        if (!inst._zod.pattern.test(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                code: "invalid_format",
                format: def.format ?? "template_literal",
                pattern: inst._zod.pattern.source,
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFunction", (inst, def) => {
    $ZodType.init(inst, def);
    // Defined, not assigned: the classic prototype exposes `_def` as a getter with no setter.
    Object.defineProperty(inst, "_def", { value: def });
    inst._zod.def = def;
    inst.implement = (func) => {
        if (typeof func !== "function") {
            throw new Error("implement() must be called with a function");
        }
        // Defined inline so the closure stays anonymous: binding it to a `const` first names it, which costs 256 bytes per implemented function.
        return Object.defineProperty(function (...args) {
            const parsedArgs = inst._def.input ? parse(inst._def.input, args) : args;
            const result = Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return parse(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst.implementAsync = (func) => {
        if (typeof func !== "function") {
            throw new Error("implementAsync() must be called with a function");
        }
        return Object.defineProperty(async function (...args) {
            const parsedArgs = inst._def.input ? await parseAsync(inst._def.input, args) : args;
            const result = await Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return await parseAsync(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "function") {
            payload.issues.push({
                code: "invalid_type",
                expected: "function",
                input: payload.value,
                inst,
            });
            return payload;
        }
        // Check if output is a promise type to determine if we should use async implementation
        const hasPromiseOutput = inst._def.output && inst._def.output._zod.def.type === "promise";
        if (hasPromiseOutput) {
            payload.value = inst.implementAsync(payload.value);
        }
        else {
            payload.value = inst.implement(payload.value);
        }
        return payload;
    };
    inst.input = (...args) => {
        const F = inst.constructor;
        if (Array.isArray(args[0])) {
            return new F({
                type: "function",
                input: new $ZodTuple({
                    type: "tuple",
                    items: args[0],
                    rest: args[1],
                }),
                output: inst._def.output,
            });
        }
        return new F({
            type: "function",
            input: args[0],
            output: inst._def.output,
        });
    };
    inst.output = (output) => {
        const F = inst.constructor;
        return new F({
            type: "function",
            input: inst._def.input,
            output,
        });
    };
    return inst;
})));
const $ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPromise", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        return Promise.resolve(payload.value).then((inner) => def.innerType._zod.run({ value: inner, issues: [] }, ctx));
    };
})));
const $ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLazy", (inst, def) => {
    $ZodType.init(inst, def);
    // Cache the resolved inner type on the shared `def` so all clones of this lazy (e.g. via `.describe()`/`.meta()`) share the same inner instance, preserving identity for cycle detection on recursive schemas.
    util.defineLazy(inst._zod, "innerType", () => {
        const d = def;
        if (!d._cachedInner)
            d._cachedInner = def.getter();
        return d._cachedInner;
    });
    util.defineLazyInternal(inst, "pattern", (zod) => zod.innerType?._zod?.pattern);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.innerType?._zod?.propValues);
    util.defineLazyInternal(inst, "optin", (zod) => zod.innerType?._zod?.optin ?? undefined);
    util.defineLazyInternal(inst, "optout", (zod) => zod.innerType?._zod?.optout ?? undefined);
    inst._zod.parse = (payload, ctx) => {
        const inner = inst._zod.innerType;
        return inner._zod.run(payload, ctx);
    };
})));
const $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(util_issue(_iss));
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/registries.js
var registries_a;
const $output = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodOutput")));
const $input = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodInput")));
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(registries_a = globalThis).__zod_globalRegistry ?? (registries_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/api.js




function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedString(Class, params) {
    return new Class(snapshotChecks({ type: "string", coerce: true, ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mac(Class, params) {
    return new Class({
        type: "string",
        format: "mac",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _creditCard(Class, params) {
    return new Class({
        type: "string",
        format: "credit_card",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _iban(Class, params) {
    return new Class({
        type: "string",
        format: "iban",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
const TimePrecision = {
    Any: null,
    Minute: -1,
    Second: 0,
    Millisecond: 3,
    Microsecond: 6,
};
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class, params) {
    return new Class(snapshotChecks({ type: "number", coerce: true, checks: [], ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float64(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "int32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "uint32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBoolean(Class, params) {
    return new Class({
        type: "boolean",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _bigint(Class, params) {
    return new Class({
        type: "bigint",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBigint(Class, params) {
    return new Class({
        type: "bigint",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "int64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "uint64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _symbol(Class, params) {
    return new Class({
        type: "symbol",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_undefined(Class, params) {
    return new Class({
        type: "undefined",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_null(Class, params) {
    return new Class({
        type: "null",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _any(Class) {
    return new Class({
        type: "any",
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _void(Class, params) {
    return new Class({
        type: "void",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _date(Class, params) {
    return new Class({
        type: "date",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedDate(Class, params) {
    return new Class({
        type: "date",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nan(Class, params) {
    return new Class({
        type: "nan",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new checks.$ZodCheckLessThan({
        check: "less_than",
        ...util.normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new checks.$ZodCheckLessThan({
        check: "less_than",
        ...util.normalizeParams(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new checks.$ZodCheckGreaterThan({
        check: "greater_than",
        ...util.normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new checks.$ZodCheckGreaterThan({
        check: "greater_than",
        ...util.normalizeParams(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _positive(params) {
    return _gt(0, params);
}
// negative
// @__NO_SIDE_EFFECTS__
function _negative(params) {
    return _lt(0, params);
}
// nonpositive
// @__NO_SIDE_EFFECTS__
function _nonpositive(params) {
    return _lte(0, params);
}
// nonnegative
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
    return _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new checks.$ZodCheckMultipleOf({
        check: "multiple_of",
        ...util.normalizeParams(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxSize(maximum, params) {
    return new checks.$ZodCheckMaxSize({
        check: "max_size",
        ...util.normalizeParams(params),
        maximum,
    });
}
// @__NO_SIDE_EFFECTS__
function _minSize(minimum, params) {
    return new checks.$ZodCheckMinSize({
        check: "min_size",
        ...util.normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _size(size, params) {
    return new checks.$ZodCheckSizeEquals({
        check: "size_equals",
        ...util.normalizeParams(params),
        size,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new $ZodCheckMaxLength({
        check: "max_length",
        ...normalizeParams(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new checks.$ZodCheckLengthEquals({
        check: "length_equals",
        ...util.normalizeParams(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new $ZodCheckRegex({
        check: "string_format",
        format: "regex",
        ...normalizeParams(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new checks.$ZodCheckLowerCase({
        check: "string_format",
        format: "lowercase",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new checks.$ZodCheckUpperCase({
        check: "string_format",
        format: "uppercase",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new checks.$ZodCheckIncludes({
        check: "string_format",
        format: "includes",
        ...util.normalizeParams(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new checks.$ZodCheckStartsWith({
        check: "string_format",
        format: "starts_with",
        ...util.normalizeParams(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new checks.$ZodCheckEndsWith({
        check: "string_format",
        format: "ends_with",
        ...util.normalizeParams(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _property(property, schema, params) {
    return new checks.$ZodCheckProperty({
        check: "property",
        property,
        schema,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _properties(shape, params) {
    return new checks.$ZodCheckProperties({
        check: "properties",
        shape,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mime(types, params) {
    return new checks.$ZodCheckMimeType({
        check: "mime_type",
        mime: types,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new $ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => util.slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _union(Class, options, params) {
    return new Class({
        type: "union",
        options,
        ...util.normalizeParams(params),
    });
}
function _xor(Class, options, params) {
    return new Class({
        type: "union",
        options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _discriminatedUnion(Class, discriminator, options, params) {
    return new Class({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _intersection(Class, left, right) {
    return new Class({
        type: "intersection",
        left,
        right,
    });
}
// export function _tuple(
//   Class: util.SchemaClass<schemas.$ZodTuple>,
//   items: [],
//   params?: string | $ZodTupleParams
// ): schemas.$ZodTuple<[], null>;
// @__NO_SIDE_EFFECTS__
function _tuple(Class, items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof schemas.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new Class({
        type: "tuple",
        items,
        rest,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _record(Class, keyType, valueType, params) {
    return new Class({
        type: "record",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _map(Class, keyType, valueType, params) {
    return new Class({
        type: "map",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _set(Class, valueType, params) {
    return new Class({
        type: "set",
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _enum(Class, values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    // if (Array.isArray(values)) {
    //   for (const value of values) {
    //     entries[value] = value;
    //   }
    // } else {
    //   Object.assign(entries, values);
    // }
    // const entries: util.EnumLike = {};
    // for (const val of values) {
    //   entries[val] = val;
    // }
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function _nativeEnum(Class, entries, params) {
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _literal(Class, value, params) {
    return new Class({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _file(Class, params) {
    return new Class({
        type: "file",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _transform(Class, fn) {
    return new Class({
        type: "transform",
        transform: fn,
    });
}
// @__NO_SIDE_EFFECTS__
function _optional(Class, innerType) {
    return new Class({
        type: "optional",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _nullable(Class, innerType) {
    return new Class({
        type: "nullable",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _default(Class, innerType, defaultValue) {
    return new Class({
        type: "default",
        innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
// @__NO_SIDE_EFFECTS__
function _nonoptional(Class, innerType, params) {
    return new Class({
        type: "nonoptional",
        innerType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _success(Class, innerType) {
    return new Class({
        type: "success",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _catch(Class, innerType, catchValue) {
    return new Class({
        type: "catch",
        innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : util.constantCatch(catchValue)),
    });
}
// @__NO_SIDE_EFFECTS__
function _pipe(Class, in_, out) {
    return new Class({
        type: "pipe",
        in: in_,
        out,
    });
}
// @__NO_SIDE_EFFECTS__
function _readonly(Class, innerType) {
    return new Class({
        type: "readonly",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _templateLiteral(Class, parts, params) {
    return new Class({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lazy(Class, getter) {
    return new Class({
        type: "lazy",
        getter,
    });
}
// @__NO_SIDE_EFFECTS__
function _promise(Class, innerType) {
    return new Class({
        type: "promise",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _custom(Class, fn, _params) {
    const norm = util.normalizeParams(_params);
    norm.abort ?? (norm.abort = true); // default to abort:false
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...norm,
    });
    return schema;
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...normalizeParams(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(util_issue(issue, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(util_issue(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new $ZodCheck({
        check: "custom",
        ...normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
// @__NO_SIDE_EFFECTS__
function describe(description) {
    const ch = new $ZodCheck({ check: "describe" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, description });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function meta(metadata) {
    const ch = new $ZodCheck({ check: "meta" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, ...metadata });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _stringbool(Classes, _params) {
    const params = util.normalizeParams(_params);
    let truthyArray = params.truthy ?? ["true", "1", "yes", "on", "y", "enabled"];
    let falsyArray = params.falsy ?? ["false", "0", "no", "off", "n", "disabled"];
    if (params.case !== "sensitive") {
        truthyArray = truthyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
        falsyArray = falsyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
    }
    const truthySet = new Set(truthyArray);
    const falsySet = new Set(falsyArray);
    const _Codec = Classes.Codec ?? schemas.$ZodCodec;
    const _Boolean = Classes.Boolean ?? schemas.$ZodBoolean;
    const _String = Classes.String ?? schemas.$ZodString;
    const stringSchema = new _String({ type: "string", error: params.error });
    const booleanSchema = new _Boolean({ type: "boolean", error: params.error });
    const codec = new _Codec({
        type: "pipe",
        in: stringSchema,
        out: booleanSchema,
        transform: ((input, payload) => {
            let data = input;
            if (params.case !== "sensitive")
                data = data.toLowerCase();
            if (truthySet.has(data)) {
                return true;
            }
            else if (falsySet.has(data)) {
                return false;
            }
            else {
                payload.issues.push({
                    code: "invalid_value",
                    expected: "stringbool",
                    values: [...truthySet, ...falsySet],
                    input: payload.value,
                    inst: codec,
                    continue: false,
                });
                return {};
            }
        }),
        reverseTransform: ((input, _payload) => {
            if (input === true) {
                return truthyArray[0] || "true";
            }
            else {
                return falsyArray[0] || "false";
            }
        }),
        error: params.error,
    });
    codec._zod.bag.truthy = truthyArray;
    codec._zod.bag.falsy = falsyArray;
    codec._zod.bag.case = params.case ?? "insensitive";
    return codec;
}
// @__NO_SIDE_EFFECTS__
function _stringFormat(Class, format, fnOrRegex, _params = {}) {
    const params = util.normalizeParams(_params);
    const def = {
        check: "string_format",
        type: "string",
        format,
        fn: typeof fnOrRegex === "function" ? fnOrRegex : (val) => fnOrRegex.test(val),
        ...params,
    };
    if (fnOrRegex instanceof RegExp) {
        def.pattern = fnOrRegex;
    }
    const inst = new Class(def);
    return inst;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/errors.js


/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = $constructor("$ZodError", initializer);
const $ZodRealError = $constructor("$ZodError", initializer, undefined, {
    Parent: Error,
});
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}
function treeifyError(error, mapper = (issue) => issue.message) {
    const result = { errors: [] };
    const processError = (error, path = []) => {
        var _a;
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                // regular union error
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    result.errors.push(mapper(issue));
                    continue;
                }
                let curr = result;
                let i = 0;
                while (i < fullpath.length) {
                    const el = fullpath[i];
                    const terminal = i === fullpath.length - 1;
                    if (typeof el === "string") {
                        curr.properties ?? (curr.properties = {});
                        // el may collide with an inherited property name ("__proto__",
                        // "constructor", ...); ??= reads the prototype so the node is never
                        // created and curr.errors.push throws. Guard with hasOwnProperty and
                        // create the node with defineProperty so "__proto__" becomes a real
                        // own key rather than invoking the prototype setter.
                        if (!Object.prototype.hasOwnProperty.call(curr.properties, el)) {
                            Object.defineProperty(curr.properties, el, {
                                value: { errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        curr = curr.properties[el];
                    }
                    else {
                        curr.items ?? (curr.items = []);
                        (_a = curr.items)[el] ?? (_a[el] = { errors: [] });
                        curr = curr.items[el];
                    }
                    if (terminal) {
                        curr.errors.push(mapper(issue));
                    }
                    i++;
                }
            }
        }
    };
    processError(error);
    return result;
}
/** Format a ZodError as a human-readable string in the following form.
 *
 * From
 *
 * ```ts
 * ZodError {
 *   issues: [
 *     {
 *       expected: 'string',
 *       code: 'invalid_type',
 *       path: [ 'username' ],
 *       message: 'Invalid input: expected string'
 *     },
 *     {
 *       expected: 'number',
 *       code: 'invalid_type',
 *       path: [ 'favoriteNumbers', 1 ],
 *       message: 'Invalid input: expected number'
 *     }
 *   ];
 * }
 * ```
 *
 * to
 *
 * ```
 * username
 *   ✖ Expected number, received string at "username
 * favoriteNumbers[0]
 *   ✖ Invalid input: expected number
 * ```
 */
function toDotPath(_path) {
    const segs = [];
    const path = _path.map((seg) => (typeof seg === "object" ? seg.key : seg));
    for (const seg of path) {
        if (typeof seg === "number")
            segs.push(`[${seg}]`);
        else if (typeof seg === "symbol")
            segs.push(`[${JSON.stringify(String(seg))}]`);
        else if (/[^\w$]/.test(seg))
            segs.push(`[${JSON.stringify(seg)}]`);
        else {
            if (segs.length)
                segs.push(".");
            segs.push(seg);
        }
    }
    return segs.join("");
}
function prettifyError(error) {
    const lines = [];
    // sort by path length
    const issues = [...error.issues].sort((a, b) => (a.path ?? []).length - (b.path ?? []).length);
    // Process each issue
    for (const issue of issues) {
        lines.push(`✖ ${issue.message}`);
        if (issue.path?.length)
            lines.push(`  → at ${toDotPath(issue.path)}`);
    }
    // Convert Map to formatted string
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/parse.js



// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new $ZodAsyncError();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parse = /* @__PURE__*/ _parse($ZodRealError);
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parseAsync = /* @__PURE__*/ _parseAsync($ZodRealError);
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParse = /* @__PURE__*/ _safeParse($ZodRealError);
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParseAsync = /* @__PURE__*/ _safeParseAsync($ZodRealError);
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ (/* unused pure expression or super */ null && (Symbol.for("zod.compile.invalid")));
const COMPILE_FALLBACK = /* @__PURE__ */ (/* unused pure expression or super */ null && (Symbol.for("zod.compile.fallback")));
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new core.$ZodAsyncError();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const parse_validateAsync = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const encode = /* @__PURE__*/ _encode($ZodRealError);
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decode = /* @__PURE__*/ _decode($ZodRealError);
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const encodeAsync = /* @__PURE__*/ _encodeAsync($ZodRealError);
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decodeAsync = /* @__PURE__*/ _decodeAsync($ZodRealError);
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const safeEncode = /* @__PURE__*/ _safeEncode($ZodRealError);
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const safeDecode = /* @__PURE__*/ _safeDecode($ZodRealError);
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const safeEncodeAsync = /* @__PURE__*/ _safeEncodeAsync($ZodRealError);
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};
const safeDecodeAsync = /* @__PURE__*/ _safeDecodeAsync($ZodRealError);

;// CONCATENATED MODULE: ./node_modules/zod/v4/mini/schemas.js




const ZodMiniType = /*@__PURE__*/ $constructor("ZodMiniType", (inst, def) => {
    if (!inst._zod)
        throw new Error("Uninitialized schema in ZodMiniType.");
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
}, {
    // `with` is an alias for `check`: the same function object, not a wrapper.
    get with() {
        return this.check;
    },
    set with(value) {
        own(this, "with", value);
    },
    parse(data, params) {
        return parse_parse(this, data, params, { callee: this.parse });
    },
    parseAsync(data, params) {
        return parse_parseAsync(this, data, params, { callee: this.parseAsync });
    },
    safeParse(data, params) {
        return safeParse(this, data, params);
    },
    safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
    },
    check(...checks) {
        const def = this.def;
        return this.clone({
            ...def,
            checks: [
                ...(def.checks ?? []),
                ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }, { parent: true });
    },
    clone(_def, params) {
        return clone(this, _def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
});
const ZodMiniString = /*@__PURE__*/ $constructor("ZodMiniString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function schemas_string(params) {
    return _string(ZodMiniString, params);
}
const ZodMiniStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniStringFormat", (inst, def) => {
    core.$ZodStringFormat.init(inst, def);
    ZodMiniString.init(inst, def);
})));
const ZodMiniEmail = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniEmail", (inst, def) => {
    core.$ZodEmail.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_email(params) {
    return core._email(ZodMiniEmail, params);
}
const ZodMiniGUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniGUID", (inst, def) => {
    core.$ZodGUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_guid(params) {
    return core._guid(ZodMiniGUID, params);
}
const ZodMiniUUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniUUID", (inst, def) => {
    core.$ZodUUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_uuid(params) {
    return core._uuid(ZodMiniUUID, params);
}
// @__NO_SIDE_EFFECTS__
function uuidv4(params) {
    return core._uuidv4(ZodMiniUUID, params);
}
// ZodMiniUUIDv6
// @__NO_SIDE_EFFECTS__
function uuidv6(params) {
    return core._uuidv6(ZodMiniUUID, params);
}
// ZodMiniUUIDv7
// @__NO_SIDE_EFFECTS__
function uuidv7(params) {
    return core._uuidv7(ZodMiniUUID, params);
}
const ZodMiniURL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniURL", (inst, def) => {
    core.$ZodURL.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function url(params) {
    return core._url(ZodMiniURL, params);
}
// @__NO_SIDE_EFFECTS__
function httpUrl(params) {
    return core._url(ZodMiniURL, {
        protocol: regexes.httpProtocol,
        hostname: regexes.domain,
        ...util.normalizeParams(params),
    });
}
const ZodMiniEmoji = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniEmoji", (inst, def) => {
    core.$ZodEmoji.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_emoji(params) {
    return core._emoji(ZodMiniEmoji, params);
}
const ZodMiniNanoID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNanoID", (inst, def) => {
    core.$ZodNanoID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_nanoid(params) {
    return core._nanoid(ZodMiniNanoID, params);
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodMiniCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodMiniCUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCUID", (inst, def) => {
    core.$ZodCUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
/**
 * Validates a CUID v1 string.
 *
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2 | `z.cuid2()`} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function schemas_cuid(params) {
    return core._cuid(ZodMiniCUID, params);
}
const ZodMiniCUID2 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCUID2", (inst, def) => {
    core.$ZodCUID2.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_cuid2(params) {
    return core._cuid2(ZodMiniCUID2, params);
}
const ZodMiniULID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniULID", (inst, def) => {
    core.$ZodULID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ulid(params) {
    return core._ulid(ZodMiniULID, params);
}
const ZodMiniXID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniXID", (inst, def) => {
    core.$ZodXID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_xid(params) {
    return core._xid(ZodMiniXID, params);
}
const ZodMiniKSUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniKSUID", (inst, def) => {
    core.$ZodKSUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ksuid(params) {
    return core._ksuid(ZodMiniKSUID, params);
}
const ZodMiniIPv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIPv4", (inst, def) => {
    core.$ZodIPv4.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ipv4(params) {
    return core._ipv4(ZodMiniIPv4, params);
}
const ZodMiniIPv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIPv6", (inst, def) => {
    core.$ZodIPv6.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ipv6(params) {
    return core._ipv6(ZodMiniIPv6, params);
}
const ZodMiniCIDRv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCIDRv4", (inst, def) => {
    core.$ZodCIDRv4.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_cidrv4(params) {
    return core._cidrv4(ZodMiniCIDRv4, params);
}
const ZodMiniCIDRv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCIDRv6", (inst, def) => {
    core.$ZodCIDRv6.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_cidrv6(params) {
    return core._cidrv6(ZodMiniCIDRv6, params);
}
const ZodMiniMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniMAC", (inst, def) => {
    core.$ZodMAC.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_mac(params) {
    return core._mac(ZodMiniMAC, params);
}
const ZodMiniBase64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBase64", (inst, def) => {
    core.$ZodBase64.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_base64(params) {
    return core._base64(ZodMiniBase64, params);
}
const ZodMiniBase64URL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBase64URL", (inst, def) => {
    core.$ZodBase64URL.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_base64url(params) {
    return core._base64url(ZodMiniBase64URL, params);
}
const ZodMiniE164 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniE164", (inst, def) => {
    core.$ZodE164.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_e164(params) {
    return core._e164(ZodMiniE164, params);
}
const ZodMiniCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCreditCard", (inst, def) => {
    core.$ZodCreditCard.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_creditCard(params) {
    return core._creditCard(ZodMiniCreditCard, params);
}
const ZodMiniIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIBAN", (inst, def) => {
    core.$ZodIBAN.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_iban(params) {
    return core._iban(ZodMiniIBAN, params);
}
const ZodMiniJWT = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniJWT", (inst, def) => {
    core.$ZodJWT.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function jwt(params) {
    return core._jwt(ZodMiniJWT, params);
}
const ZodMiniCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCustomStringFormat", (inst, def) => {
    core.$ZodCustomStringFormat.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function stringFormat(format, fnOrRegex, _params = {}) {
    return core._stringFormat(ZodMiniCustomStringFormat, format, fnOrRegex, _params);
}
// @__NO_SIDE_EFFECTS__
function schemas_hostname(_params) {
    return core._stringFormat(ZodMiniCustomStringFormat, "hostname", regexes.hostname, _params);
}
// @__NO_SIDE_EFFECTS__
function schemas_hex(_params) {
    return core._stringFormat(ZodMiniCustomStringFormat, "hex", regexes.hex, _params);
}
// @__NO_SIDE_EFFECTS__
function schemas_currencyCode(_params) {
    return core._stringFormat(ZodMiniCustomStringFormat, "currency_code", regexes.currencyCode, _params);
}
// @__NO_SIDE_EFFECTS__
function hash(alg, params) {
    const enc = params?.enc ?? "hex";
    const format = `${alg}_${enc}`;
    const regex = core.regexes[format];
    // check for unrecognized format
    if (!regex)
        throw new Error(`Unrecognized hash format: ${format}`);
    return core._stringFormat(ZodMiniCustomStringFormat, format, regex, params);
}
const ZodMiniNumber = /*@__PURE__*/ $constructor("ZodMiniNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function schemas_number(params) {
    return _number(ZodMiniNumber, params);
}
const ZodMiniNumberFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNumberFormat", (inst, def) => {
    core.$ZodNumberFormat.init(inst, def);
    ZodMiniNumber.init(inst, def);
})));
function schemas_int(params) {
    return core._int(ZodMiniNumberFormat, params);
}
function float32(params) {
    return core._float32(ZodMiniNumberFormat, params);
}
function float64(params) {
    return core._float64(ZodMiniNumberFormat, params);
}
function int32(params) {
    return core._int32(ZodMiniNumberFormat, params);
}
function uint32(params) {
    return core._uint32(ZodMiniNumberFormat, params);
}
const ZodMiniBoolean = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBoolean", (inst, def) => {
    core.$ZodBoolean.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_boolean(params) {
    return core._boolean(ZodMiniBoolean, params);
}
const ZodMiniBigInt = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBigInt", (inst, def) => {
    core.$ZodBigInt.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_bigint(params) {
    return core._bigint(ZodMiniBigInt, params);
}
const ZodMiniBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBigIntFormat", (inst, def) => {
    core.$ZodBigIntFormat.init(inst, def);
    ZodMiniBigInt.init(inst, def);
})));
function int64(params) {
    return core._int64(ZodMiniBigIntFormat, params);
}
function uint64(params) {
    return core._uint64(ZodMiniBigIntFormat, params);
}
const ZodMiniSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniSymbol", (inst, def) => {
    core.$ZodSymbol.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function symbol(params) {
    return core._symbol(ZodMiniSymbol, params);
}
const ZodMiniUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniUndefined", (inst, def) => {
    core.$ZodUndefined.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_undefined(params) {
    return core._undefined(ZodMiniUndefined, params);
}

const ZodMiniNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNull", (inst, def) => {
    core.$ZodNull.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_null(params) {
    return core._null(ZodMiniNull, params);
}

const ZodMiniAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniAny", (inst, def) => {
    core.$ZodAny.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function any() {
    return core._any(ZodMiniAny);
}
const ZodMiniUnknown = /*@__PURE__*/ $constructor("ZodMiniUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function unknown() {
    return _unknown(ZodMiniUnknown);
}
const ZodMiniNever = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNever", (inst, def) => {
    core.$ZodNever.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function never(params) {
    return core._never(ZodMiniNever, params);
}
const ZodMiniVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniVoid", (inst, def) => {
    core.$ZodVoid.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_void(params) {
    return core._void(ZodMiniVoid, params);
}

const ZodMiniDate = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniDate", (inst, def) => {
    core.$ZodDate.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_date(params) {
    return core._date(ZodMiniDate, params);
}
const ZodMiniArray = /*@__PURE__*/ $constructor("ZodMiniArray", (inst, def) => {
    $ZodArray.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
    return new ZodMiniArray({
        type: "array",
        element: element,
        ...normalizeParams(params),
    });
}
// .keyof
// @__NO_SIDE_EFFECTS__
function keyof(schema) {
    const shape = schema._zod.def.shape;
    return schemas_enum(Object.keys(shape));
}
const ZodMiniObject = /*@__PURE__*/ $constructor("ZodMiniObject", (inst, def) => {
    $ZodObject.init(inst, def);
    ZodMiniType.init(inst, def);
    installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...normalizeParams(params),
    };
    return new ZodMiniObject(def);
}
// strictObject
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
    return new ZodMiniObject({
        type: "object",
        shape,
        catchall: never(),
        ...util.normalizeParams(params),
    });
}
// looseObject
// @__NO_SIDE_EFFECTS__
function looseObject(shape, params) {
    return new ZodMiniObject({
        type: "object",
        shape,
        catchall: unknown(),
        ...normalizeParams(params),
    });
}
// object methods
// @__NO_SIDE_EFFECTS__
function schemas_extend(schema, shape) {
    return util.extend(schema, shape);
}
// @__NO_SIDE_EFFECTS__
function schemas_safeExtend(schema, shape) {
    return util.safeExtend(schema, shape);
}
/**
 * @deprecated Use [`z.extend(A, B.shape)`](https://zod.dev/api?id=extend) instead.
 */
// @__NO_SIDE_EFFECTS__
function schemas_merge(a, b) {
    return util.merge(a, b);
}
// @__NO_SIDE_EFFECTS__
function schemas_pick(schema, mask) {
    return util.pick(schema, mask);
}
// .omit
// @__NO_SIDE_EFFECTS__
function schemas_omit(schema, mask) {
    return util.omit(schema, mask);
}
// @__NO_SIDE_EFFECTS__
function schemas_partial(schema, mask) {
    const def = schema._zod.def;
    if (def.type !== "tuple")
        return util.partial(ZodMiniOptional, schema, mask);
    // a refinement was authored against the full arity; partialing would run it on a shorter array
    if (def.checks?.length)
        throw new Error(".partial() cannot be used on tuple schemas containing refinements");
    return util.clone(schema, {
        ...def,
        items: def.items.map((item) => new ZodMiniOptional({ type: "optional", innerType: item })),
    });
}
// @__NO_SIDE_EFFECTS__
function exactPartial(schema, mask) {
    return util.partial(ZodMiniExactOptional, schema, mask, "exactPartial");
}
// @__NO_SIDE_EFFECTS__
function schemas_required(schema, mask) {
    return util.required(ZodMiniNonOptional, schema, mask);
}
// @__NO_SIDE_EFFECTS__
function catchall(inst, catchall) {
    // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
    return inst.clone(util.mergeDefs(inst._zod.def, { catchall: catchall }));
}
const ZodMiniUnion = /*@__PURE__*/ $constructor("ZodMiniUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function union(options, params) {
    return new ZodMiniUnion({
        type: "union",
        options: options,
        ...normalizeParams(params),
    });
}
const ZodMiniXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniXor", (inst, def) => {
    ZodMiniUnion.init(inst, def);
    core.$ZodXor.init(inst, def);
})));
/** Creates an exclusive union (XOR) where exactly one option must match.
 * Unlike regular unions that succeed when any option matches, xor fails if
 * zero or more than one option matches the input. */
function xor(options, params) {
    return new ZodMiniXor({
        type: "union",
        options: options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
const ZodMiniDiscriminatedUnion = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniDiscriminatedUnion", (inst, def) => {
    core.$ZodDiscriminatedUnion.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function discriminatedUnion(discriminator, options, params) {
    return new ZodMiniDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
const ZodMiniIntersection = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIntersection", (inst, def) => {
    core.$ZodIntersection.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function intersection(left, right) {
    return new ZodMiniIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodMiniTuple = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniTuple", (inst, def) => {
    core.$ZodTuple.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function tuple(items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof core.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new ZodMiniTuple({
        type: "tuple",
        items: items,
        rest,
        ...util.normalizeParams(params),
    });
}
const ZodMiniRecord = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniRecord", (inst, def) => {
    core.$ZodRecord.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodMiniRecord({
            type: "record",
            keyType: schemas_string(),
            valueType: keyType,
            ...util.normalizeParams(valueType),
        });
    }
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function partialRecord(keyType, valueType, params) {
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
        partial: true,
    });
}
function looseRecord(keyType, valueType, params) {
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        mode: "loose",
        ...util.normalizeParams(params),
    });
}
const ZodMiniMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniMap", (inst, def) => {
    core.$ZodMap.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function map(keyType, valueType, params) {
    return new ZodMiniMap({
        type: "map",
        keyType: keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodMiniSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniSet", (inst, def) => {
    core.$ZodSet.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function set(valueType, params) {
    return new ZodMiniSet({
        type: "set",
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodMiniEnum = /*@__PURE__*/ $constructor("ZodMiniEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodMiniType.init(inst, def);
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function schemas_enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodMiniEnum({
        type: "enum",
        entries,
        ...normalizeParams(params),
    });
}

// @__NO_SIDE_EFFECTS__
/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function nativeEnum(entries, params) {
    return new ZodMiniEnum({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
const ZodMiniLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniLiteral", (inst, def) => {
    core.$ZodLiteral.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
    return new ZodMiniLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
const ZodMiniFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniFile", (inst, def) => {
    core.$ZodFile.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function file(params) {
    return core._file(ZodMiniFile, params);
}
const ZodMiniTransform = /*@__PURE__*/ $constructor("ZodMiniTransform", (inst, def) => {
    $ZodTransform.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function transform(fn) {
    return new ZodMiniTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodMiniOptional = /*@__PURE__*/ $constructor("ZodMiniOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
    return new ZodMiniOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodMiniExactOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniExactOptional", (inst, def) => {
    core.$ZodExactOptional.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function exactOptional(innerType) {
    return new ZodMiniExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodMiniNullable = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNullable", (inst, def) => {
    core.$ZodNullable.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
    return new ZodMiniNullable({
        type: "nullable",
        innerType: innerType,
    });
}
// nullish
// @__NO_SIDE_EFFECTS__
function schemas_nullish(innerType) {
    return optional(nullable(innerType));
}
const ZodMiniDefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniDefault", (inst, def) => {
    core.$ZodDefault.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_default(innerType, defaultValue) {
    return new ZodMiniDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
const ZodMiniPrefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniPrefault", (inst, def) => {
    core.$ZodPrefault.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function prefault(innerType, defaultValue) {
    return new ZodMiniPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
const ZodMiniNonOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNonOptional", (inst, def) => {
    core.$ZodNonOptional.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function nonoptional(innerType, params) {
    return new ZodMiniNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...util.normalizeParams(params),
    });
}
const ZodMiniSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniSuccess", (inst, def) => {
    core.$ZodSuccess.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function success(innerType) {
    return new ZodMiniSuccess({
        type: "success",
        innerType: innerType,
    });
}
const ZodMiniCatch = /*@__PURE__*/ $constructor("ZodMiniCatch", (inst, def) => {
    $ZodCatch.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function schemas_catch(innerType, catchValue) {
    return new ZodMiniCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : constantCatch(catchValue)),
    });
}

const ZodMiniNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNaN", (inst, def) => {
    core.$ZodNaN.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function nan(params) {
    return core._nan(ZodMiniNaN, params);
}
const ZodMiniPipe = /*@__PURE__*/ $constructor("ZodMiniPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
    return new ZodMiniPipe({
        type: "pipe",
        in: in_,
        out: out,
    });
}
const ZodMiniCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCodec", (inst, def) => {
    ZodMiniPipe.init(inst, def);
    core.$ZodCodec.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function codec(in_, out, params) {
    return new ZodMiniCodec({
        type: "pipe",
        in: in_,
        out: out,
        transform: params.decode,
        reverseTransform: params.encode,
    });
}
// @__NO_SIDE_EFFECTS__
function invertCodec(codec) {
    const def = codec._zod.def;
    return new ZodMiniCodec({
        type: "pipe",
        in: def.out,
        out: def.in,
        transform: def.reverseTransform,
        reverseTransform: def.transform,
    });
}
const ZodMiniReadonly = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniReadonly", (inst, def) => {
    core.$ZodReadonly.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function readonly(innerType) {
    return new ZodMiniReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodMiniTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniTemplateLiteral", (inst, def) => {
    core.$ZodTemplateLiteral.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function templateLiteral(parts, params) {
    return new ZodMiniTemplateLiteral({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
const ZodMiniLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniLazy", (inst, def) => {
    core.$ZodLazy.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// export function lazy<T extends object>(getter: () => T): T {
//   return util.createTransparentProxy<T>(getter);
// }
// @__NO_SIDE_EFFECTS__
function schemas_lazy(getter) {
    return new ZodMiniLazy({
        type: "lazy",
        getter: getter,
    });
}

const ZodMiniPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniPromise", (inst, def) => {
    core.$ZodPromise.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function promise(innerType) {
    return new ZodMiniPromise({
        type: "promise",
        innerType: innerType,
    });
}
const ZodMiniCustom = /*@__PURE__*/ $constructor("ZodMiniCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodMiniType.init(inst, def);
});
// custom checks
// @__NO_SIDE_EFFECTS__
function check(fn, params) {
    const ch = new core.$ZodCheck({
        check: "custom",
        ...util.normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
// ZodCustom custom schema
// @__NO_SIDE_EFFECTS__
function custom(fn, _params) {
    return core._custom(ZodMiniCustom, fn ?? (() => true), _params);
}
// refine
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
    return _refine(ZodMiniCustom, fn, _params);
}
// superRefine
// @__NO_SIDE_EFFECTS__
function superRefine(fn, params) {
    return _superRefine(fn, params);
}
// Re-export describe and meta from core
const schemas_describe = describe;
const schemas_meta = meta;
// instanceof
class schemas_Class {
    constructor(..._args) { }
}
// @__NO_SIDE_EFFECTS__
function _instanceof(cls, params = {}) {
    const inst = custom((data) => data instanceof cls, params);
    inst._zod.bag.Class = cls;
    // Override check to emit invalid_type instead of custom
    inst._zod.check = (payload) => {
        if (!(payload.value instanceof cls)) {
            payload.issues.push({
                code: "invalid_type",
                expected: cls.name,
                input: payload.value,
                inst,
                path: [...(inst._zod.def.path ?? [])],
            });
        }
    };
    return inst;
}

// stringbool
const stringbool = (...args) => core._stringbool({
    Codec: ZodMiniCodec,
    Boolean: ZodMiniBoolean,
    String: ZodMiniString,
}, ...args);
// @__NO_SIDE_EFFECTS__
function json() {
    const jsonSchema = schemas_lazy(() => {
        return union([schemas_string(), schemas_number(), schemas_boolean(), schemas_null(), array(jsonSchema), record(schemas_string(), jsonSchema)]);
    });
    return jsonSchema;
}
const ZodMiniFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniFunction", (inst, def) => {
    core.$ZodFunction.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function _function(params) {
    return new ZodMiniFunction({
        type: "function",
        input: Array.isArray(params?.input) ? tuple(params?.input) : (params?.input ?? array(unknown())),
        output: params?.output ?? unknown(),
    });
}


;// CONCATENATED MODULE: ./src/duration.ts
/**
 * Durations as the inputs write them: `500ms`, `30s`, `10m`, `2h`, `1h30m`, `1d`; a bare number is
 * seconds. Parsing is strict: anything else is undefined, so the caller can name the bad input.
 */
const UNIT_MS = {
    ms: 1,
    s: 1_000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000
};
const PART = /(\d{1,9}(?:\.\d{1,6})?)(ms|s|m|h|d)/gy;
/** A duration text longer than this is not one (it would only be a way to spell an absurd number). */
const MAX_TEXT = 40;
/**
 * Milliseconds for a duration text, or undefined when it is not one. Numbers are short (at most nine
 * digits, six decimals), so the result is always a finite, safe integer.
 */
function parseDuration(text) {
    if (text.length > MAX_TEXT * 4)
        return undefined;
    const compact = text.trim().toLowerCase().replace(/\s+/g, '');
    if (compact === '' || compact.length > MAX_TEXT)
        return undefined;
    if (/^\d{1,9}(\.\d{1,6})?$/.test(compact))
        return Math.round(Number(compact) * 1_000);
    PART.lastIndex = 0;
    let total = 0;
    let seen = 0;
    let match;
    while ((match = PART.exec(compact)) !== null) {
        total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
        seen = PART.lastIndex;
    }
    if (seen === 0 || seen !== compact.length)
        return undefined;
    return Math.round(total);
}
/** A short human form: `850ms`, `45s`, `2m 30s`, `1h 5m`, `2d 3h`. */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        ms = 0;
    if (ms < 1_000)
        return `${Math.round(ms)}ms`;
    const totalSeconds = Math.round(ms / 1_000);
    const days = Math.floor(totalSeconds / 86_400);
    const hours = Math.floor((totalSeconds % 86_400) / 3_600);
    const minutes = Math.floor((totalSeconds % 3_600) / 60);
    const seconds = totalSeconds % 60;
    // The largest unit and the one after it, when not zero: `6d 3h`, `6d` (not `6d 1s`), `2m 30s`.
    const units = [
        [days, 'd'],
        [hours, 'h'],
        [minutes, 'm'],
        [seconds, 's']
    ];
    const first = units.findIndex(([n]) => n > 0);
    return units
        .slice(first, first + 2)
        .filter(([n]) => n > 0)
        .map(([n, unit]) => `${n}${unit}`)
        .join(' ');
}

;// CONCATENATED MODULE: ./src/inputs.ts
/**
 * The action's inputs, read once into a typed {@link Settings} object. Every problem names the input
 * it is about; nothing is requested before the settings are whole.
 *
 * Written on `zod/mini` (the functional API of the same package, as `sources/cpp-schema.ts`), so the
 * bundle carries one zod API, not two. Each classic method has its functional twin on the same core:
 * `.trim()` is `.check(z.trim())`, `.refine(f)` `.check(z.refine(f))`, `a.transform(f)`
 * `z.pipe(a, z.transform(f))`. Every message here is our own, so no locale is needed: the inputs are
 * always strings in an object, and nothing else could word a problem.
 */



const WAIT_FOR = ['completion', 'publisher-review', 'none'];
const ON_TIMEOUT = ['fail', 'warn'];
/** Which API to read: `auto` decides per offer (see `sources/factory.ts`). */
const API = ['auto', 'cloud-partner-portal', 'product-ingestion'];
/** Inputs the settings are read from, each with the default action.yml gives it. */
const INPUT_DEFAULTS = {
    api: 'auto',
    'publisher-id': '',
    'offer-id': '',
    'job-id': '',
    token: '',
    'tenant-id': '',
    'client-id': '',
    'client-secret': '',
    'authority-host': 'https://login.microsoftonline.com',
    'wait-for': 'completion',
    timeout: '1h',
    'on-timeout': 'fail',
    interval: '',
    'max-interval': '10m',
    'api-version': '',
    'base-url': 'https://cloudpartner.azure.com',
    'ingestion-url': 'https://graph.microsoft.com/rp/product-ingestion',
    'fail-on-stuck': 'false',
    'stuck-after': '7d',
    'max-concurrency': '4',
    'state-file': ''
};
/** A problem with the inputs or the job's setup: expected, shown without a stack trace. */
class InputError extends Error {
    title;
    constructor(message, title = 'Invalid input') {
        super(message);
        this.title = title;
        this.name = 'InputError';
    }
}
/** A string input, trimmed, with `checks` run in order on the trimmed text. */
function trimmed(...checks) {
    return schemas_string().check(_trim(), ...checks);
}
const inputs_required = trimmed(_minLength(1, { message: 'is required' }));
/** An endpoint credentials are sent to: see `endpoint.ts` for the rules. */
const endpointUrl = inputs_required.check(superRefine((v, ctx) => {
    const problem = endpointProblem(v);
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem });
}));
const DAY_MS = 86_400_000;
/** The longest a workflow run may last, and so the longest wait that means anything. */
const MAX_TIMEOUT_MS = 35 * DAY_MS;
/** The longest wait between two polls. */
const MAX_INTERVAL_MS = DAY_MS;
/** The shortest `interval` against a real API; loopback test doubles may be polled faster. */
const MIN_REMOTE_INTERVAL_MS = 1_000;
/** The most requests in flight at once `max-concurrency` may ask for: polite to the API whatever the portfolio. */
const MAX_CONCURRENCY = 32;
/** A tenant ID (GUID or domain) or client ID: one plain word, so it can sit in a URL path or form. */
const directoryId = trimmed(refine((v) => v === '' || /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v), { message: 'must be a GUID or a domain name' }));
const identifier = inputs_required.check(
// eslint-disable-next-line no-control-regex
refine((v) => !/[\u0000-\u001f\u007f\s]/.test(v), { message: 'must not contain spaces or control characters' }), refine((v) => v !== '.' && v !== '..', { message: 'is not a valid ID' }));
/**
 * Raises a problem from inside a transform, whose context (in `zod/mini`) is the bare parse payload,
 * without the `addIssue` of classic zod: the same issue, pushed as classic zod pushes it.
 */
function addIssue(ctx, message) {
    ctx.issues.push({ code: 'custom', message, input: ctx.value });
}
/** Milliseconds of a duration input from `minMs` to `maxMs`, or an issue naming what is wrong. */
function durationMs(text, ctx, minMs, maxMs) {
    const ms = parseDuration(text);
    if (ms === undefined) {
        const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
        addIssue(ctx, `'${shown}' is not a duration (examples: 500ms, 30s, 10m, 2h, 1h30m; a bare number is seconds)`);
        return NEVER;
    }
    if (ms < minMs || ms > maxMs) {
        addIssue(ctx, `must be from ${formatDuration(minMs)} to ${formatDuration(maxMs)} (got '${text}')`);
        return NEVER;
    }
    return ms;
}
function inputs_duration(minMs, maxMs) {
    return pipe(trimmed(), transform((text, ctx) => durationMs(text, ctx, minMs, maxMs)));
}
/** As {@link duration}, but an empty input is undefined: each API's own default. */
function optionalDuration(minMs, maxMs) {
    return pipe(trimmed(), transform((text, ctx) => (text === '' ? undefined : durationMs(text, ctx, minMs, maxMs))));
}
/**
 * `offer-id` and `job-id`: one ID, or several separated by newlines or commas (a YAML block reads
 * well; a leading `- ` on a line is allowed). Blanks and duplicates are ignored; none is allowed here
 * (whether one is needed is judged with the other inputs).
 */
const idList = pipe(pipe(schemas_string(), transform((text) => [
    ...new Set(text
        .split(/[\n,]/)
        .map((line) => line.trim().replace(/^-\s+/, ''))
        .filter((id) => id !== ''))
])), 
// Each ID as `identifier` judges it, named in its own problem.
array(schemas_string()).check(superRefine((ids, ctx) => {
    for (const id of ids) {
        const problem = identifier.safeParse(id);
        if (!problem.success) {
            ctx.addIssue({ code: 'custom', message: `'${id}' ${problem.error.issues[0]?.message ?? 'is not valid'}` });
        }
    }
})));
/** YAML 1.2 booleans, as `core.getBooleanInput` reads them. */
const inputs_boolean = pipe(trimmed(refine((v) => /^(true|True|TRUE|false|False|FALSE)$/.test(v), { message: 'must be true or false' })), transform((v) => v.toLowerCase() === 'true'));
function oneOf(values) {
    return pipe(trimmed(_toLowerCase()), schemas_enum(values, { error: (issue) => `must be one of ${values.join(', ')} (got '${String(issue.input)}')` }));
}
const schema = object({
    api: oneOf(API),
    'publisher-id': trimmed(superRefine((v, ctx) => {
        const problem = v === '' ? undefined : identifier.safeParse(v).error?.issues[0]?.message;
        if (problem)
            ctx.addIssue({ code: 'custom', message: problem });
    })),
    'offer-id': idList,
    'job-id': idList,
    token: trimmed(),
    'tenant-id': directoryId,
    'client-id': directoryId,
    'client-secret': trimmed(),
    'authority-host': endpointUrl,
    'wait-for': oneOf(WAIT_FOR),
    timeout: inputs_duration(1, MAX_TIMEOUT_MS),
    'on-timeout': oneOf(ON_TIMEOUT),
    interval: optionalDuration(1, MAX_INTERVAL_MS),
    'max-interval': inputs_duration(1, MAX_INTERVAL_MS),
    'api-version': trimmed(_regex(/^([A-Za-z0-9._-]{1,64})?$/, { message: 'must look like 2017-10-31 or 2022-07-01' })),
    'base-url': endpointUrl,
    'ingestion-url': endpointUrl,
    'fail-on-stuck': inputs_boolean,
    'stuck-after': inputs_duration(60_000, MAX_TIMEOUT_MS),
    'max-concurrency': pipe(trimmed(refine((v) => /^\d{1,9}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_CONCURRENCY, {
        message: `must be a whole number from 1 to ${MAX_CONCURRENCY}`
    })), transform(Number)),
    // Only its form here: whether it stays inside the workspace is judged where the workspace is known.
    'state-file': trimmed(_maxLength(1_000, { message: 'must be at most 1,000 characters' }), 
    // eslint-disable-next-line no-control-regex
    refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { message: 'must not contain control characters' }), refine((v) => v === '' || !/(^|[\\/])\.{0,2}$/.test(v), { message: 'must name a file, not a directory' }))
})
    .check(superRefine((v, ctx) => {
    // (The object's checks run even when a field failed its own: each reads only what it needs.)
    const problem = (path, message) => {
        ctx.addIssue({ code: 'custom', path: [path], message });
    };
    const offers = Array.isArray(v['offer-id']) ? v['offer-id'] : [];
    const jobs = Array.isArray(v['job-id']) ? v['job-id'] : [];
    if (typeof v.interval === 'number' && v['max-interval'] < v.interval) {
        problem('max-interval', 'must not be shorter than interval');
    }
    // Sub-second polling only against test doubles on this machine.
    // With api auto, offers go to the Cloud Partner Portal when publisher-id is set (see sources/factory.ts).
    const cpp = v.api === 'cloud-partner-portal' || (v.api === 'auto' && offers.length > 0 && v['publisher-id'] !== '');
    const ingestion = v.api === 'product-ingestion' || jobs.length > 0 || (v.api === 'auto' && !cpp);
    const urls = [...(cpp ? [v['base-url']] : []), ...(ingestion ? [v['ingestion-url']] : [])];
    const remote = urls.some((url) => !URL.canParse(url) || !isLoopbackHost(new URL(url).hostname));
    if (typeof v.interval === 'number' && v.interval < MIN_REMOTE_INTERVAL_MS && remote) {
        problem('interval', `must be at least ${formatDuration(MIN_REMOTE_INTERVAL_MS)} against a real API (shorter only for loopback test doubles)`);
    }
}));
/** What is wrong with what is to be watched, taken together (judged even when another input is wrong). */
function targetProblems(raw) {
    const some = (name) => (raw[name] ?? '').split(/[\n,]/).some((id) => id.trim().replace(/^-\s+/, ''));
    const api = (raw.api ?? '').trim().toLowerCase();
    const problems = [];
    if (!some('offer-id') && !some('job-id'))
        problems.push({ input: 'offer-id', message: 'is required (or give job-id)' });
    if (api === 'cloud-partner-portal' && some('job-id')) {
        problems.push({
            input: 'job-id',
            message: 'is for Product Ingestion configure jobs: set api to auto or product-ingestion'
        });
    }
    if (api === 'cloud-partner-portal' && some('offer-id') && !(raw['publisher-id'] ?? '').trim()) {
        problems.push({ input: 'publisher-id', message: 'is required for the Cloud Partner Portal API' });
    }
    return problems;
}
/** What is wrong with the sign-in inputs taken together, if anything. */
function signInProblem(token, tenantId, clientId, clientSecret) {
    const client = tenantId || clientId || clientSecret;
    if (token && client) {
        const others = ['tenant-id', 'client-id', 'client-secret'].filter((name) => ({ 'tenant-id': tenantId, 'client-id': clientId, 'client-secret': clientSecret })[name]);
        return {
            input: 'token',
            message: `cannot be used together with ${others.map((n) => `'${n}'`).join(' and ')}: give either token, or tenant-id and client-id`
        };
    }
    if (!token && !client) {
        return {
            input: 'token',
            message: 'is required, or sign in with tenant-id and client-id (with client-secret, or with GitHub OIDC without it)'
        };
    }
    if (client && !clientId)
        return { input: 'client-id', message: 'is required with tenant-id or client-secret' };
    if (client && !tenantId)
        return { input: 'tenant-id', message: 'is required with client-id' };
    return undefined;
}
/**
 * Read the inputs through `getInput` into settings. The runner passes action.yml's defaults; an input
 * that still comes empty gets the same default here, so a run outside a runner behaves alike.
 * @throws {InputError} naming every input that is missing or malformed.
 */
function readSettings(getInput) {
    const raw = Object.fromEntries(Object.keys(INPUT_DEFAULTS).map((name) => [name, getInput(name).trim() || INPUT_DEFAULTS[name]]));
    const parsed = schema.safeParse(raw);
    // The sign-in inputs are judged together, even when another input is wrong too.
    const signIn = signInProblem(raw.token ?? '', raw['tenant-id'] ?? '', raw['client-id'] ?? '', raw['client-secret'] ?? '');
    const problems = [
        ...(parsed.success ? [] : parsed.error.issues).map((issue) => ({
            input: String(issue.path[0] ?? 'inputs'),
            message: issue.message
        })),
        ...(signIn ? [signIn] : []),
        ...targetProblems(raw)
    ];
    if (!parsed.success || problems.length > 0) {
        const order = Object.keys(INPUT_DEFAULTS);
        problems.sort((a, b) => order.indexOf(a.input) - order.indexOf(b.input));
        throw new InputError(problems.map((p) => `Input '${p.input}' ${p.message}`).join('\n'));
    }
    const v = parsed.data;
    const authorityHost = withoutTrailingSlashes(v['authority-host']);
    const auth = v.token
        ? { kind: 'token', token: v.token }
        : v['client-secret']
            ? {
                kind: 'client-secret',
                tenantId: v['tenant-id'],
                clientId: v['client-id'],
                clientSecret: v['client-secret'],
                authorityHost
            }
            : { kind: 'oidc', tenantId: v['tenant-id'], clientId: v['client-id'], authorityHost };
    return {
        api: v.api,
        publisherId: v['publisher-id'],
        offerIds: v['offer-id'],
        jobIds: v['job-id'],
        auth,
        waitFor: v['wait-for'],
        timeoutMs: v.timeout,
        onTimeout: v['on-timeout'],
        ...(v.interval === undefined ? {} : { intervalMs: v.interval }),
        maxIntervalMs: v['max-interval'],
        ...(v['api-version'] ? { apiVersion: v['api-version'] } : {}),
        baseUrl: withoutTrailingSlashes(v['base-url']),
        ingestionUrl: withoutTrailingSlashes(v['ingestion-url']),
        failOnStuck: v['fail-on-stuck'],
        stuckAfterMs: v['stuck-after'],
        maxConcurrency: v['max-concurrency'],
        ...(v['state-file'] ? { stateFile: v['state-file'] } : {})
    };
}

;// CONCATENATED MODULE: ./src/retry-after.ts
/** A `Retry-After` longer than this is read as this: no wait may outlast a workflow run (35 days). */
const MAX_RETRY_AFTER_MS = 35 * 86_400_000;
/**
 * `Retry-After` as seconds or as an HTTP date, in milliseconds from `now` (at most
 * {@link MAX_RETRY_AFTER_MS}); undefined when absent or unreadable.
 */
function parseRetryAfter(value, now) {
    if (value === undefined || value.length > 100)
        return undefined;
    const trimmed = value.trim();
    if (trimmed === '')
        return undefined;
    let ms;
    if (/^\d+(\.\d+)?$/.test(trimmed)) {
        ms = Number(trimmed) * 1_000;
    }
    else {
        if (!/[a-z]/i.test(trimmed))
            return undefined;
        const at = Date.parse(trimmed);
        if (Number.isNaN(at))
            return undefined;
        ms = at - now;
    }
    return Math.round(Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)));
}

;// CONCATENATED MODULE: ./src/auth.ts
/**
 * Credentials for the status APIs. A `token` input is used as it is; a client (tenant-id and
 * client-id) signs in to Microsoft Entra ID with the client-credentials grant, by client secret or by
 * a GitHub OIDC ID token as client assertion, for the resource each API needs (`{resource}/.default`),
 * and renews its token before it expires. Every token obtained is masked before anything else happens
 * to it. Nothing here knows an API: the sources name their resource.
 */





const OIDC_AUDIENCE = 'api://AzureADTokenExchange';
/** The `token` input: used as it is, never renewed. */
function staticToken(token) {
    return {
        mode: 'token',
        renewable: false,
        token() {
            return Promise.resolve({ kind: 'ok', token });
        }
    };
}
/** Time before expiry at which a token is renewed: a quarter of its life, at most 5 minutes. */
function renewalMargin(lifetimeMs) {
    return Math.min(5 * 60_000, lifetimeMs / 4);
}
function transientFrom(response, what, now) {
    const { status } = response;
    if (status !== 408 && status !== 429 && status < 500)
        return undefined;
    const outcome = { kind: 'transient', reason: `${what}: HTTP ${status}` };
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
    if (retryAfterMs !== undefined)
        outcome.retryAfterMs = retryAfterMs;
    return outcome;
}
/** A token lifetime shorter than this is read as this, so that a bogus `expires_in` cannot make a sign-in per request. */
const MIN_TOKEN_LIFETIME_MS = 60_000;
/** A token lifetime longer than this is read as this: no token outlives a day. */
const MAX_TOKEN_LIFETIME_MS = 86_400_000;
/**
 * The lifetime an `expires_in` (seconds, a number or a short numeric string) stands for, within a
 * minute and a day; an hour when it is missing or unreadable. Anything else (an object, a nested
 * array) is never converted, so it cannot cost time or stack.
 */
function tokenLifetimeMs(expiresIn) {
    let seconds = NaN;
    if (typeof expiresIn === 'number')
        seconds = expiresIn;
    else if (typeof expiresIn === 'string' && /^\s*\d{1,10}(\.\d{1,6})?\s*$/.test(expiresIn))
        seconds = Number(expiresIn);
    const ms = Number.isFinite(seconds) && seconds > 0 ? seconds * 1_000 : 3_600_000;
    return Math.min(MAX_TOKEN_LIFETIME_MS, Math.max(MIN_TOKEN_LIFETIME_MS, ms));
}
/** Whether an `access_token` is plausibly one: masking a word such as `Running` would hide it all over the log. */
function isPlausibleToken(token) {
    return token.length >= 20 && token.length <= 16_384 && !/\s/.test(token);
}
function parseJson(body) {
    try {
        const value = JSON.parse(body);
        return typeof value === 'object' && value !== null ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** The claims of a JWT, read without verifying anything; undefined when it is not one. */
function jwtClaims(jwt) {
    if (jwt.length > 16_384)
        return undefined;
    const payload = jwt.split('.')[1];
    if (!payload)
        return undefined;
    return parseJson(Buffer.from(payload, 'base64url').toString('utf8'));
}
/** The `sub` claim of a JWT, for hints; undefined when it cannot be read. Nothing is verified. */
function jwtSubject(jwt) {
    const sub = jwtClaims(jwt)?.sub;
    return typeof sub === 'string' ? neutralize(sub, 300) : undefined;
}
/** The `aud` claim of a JWT (the first, if a list), to route a token: nothing is verified. */
function jwtAudience(jwt) {
    const aud = jwtClaims(jwt)?.aud;
    const first = Array.isArray(aud) ? aud[0] : aud;
    return typeof first === 'string' ? neutralize(first, 300) : undefined;
}
/** A hint for the common `AADSTS` errors of a client-credentials sign-in. */
function signInHint(description, mode, subject, resource = 'the API') {
    const has = (...codes) => codes.some((code) => new RegExp(`AADSTS${code}\\b`).test(description));
    if (has(7000215))
        return "client-secret is wrong: use the secret's Value (not its Secret ID) of a secret of this app";
    if (has(7000222))
        return 'client-secret has expired: create a new secret for the app and update the repository secret';
    if (has(700016))
        return 'no app with this client-id in this tenant: check client-id and tenant-id';
    if (has(90002, 900023))
        return 'no such tenant: check tenant-id';
    if (has(70021, 700211, 700212, 700213)) {
        const seen = subject ? `; this run's subject is '${subject}'` : '';
        return ('no federated credential of the app matches this workflow: add one with issuer ' +
            `https://token.actions.githubusercontent.com, audience ${OIDC_AUDIENCE} and the run's subject ` +
            `(repo:OWNER/REPO:ref:refs/heads/BRANCH, or repo:OWNER/REPO:environment:NAME)${seen}`);
    }
    if (has(700024))
        return 'the GitHub ID token was refused as expired or already used: re-run the job';
    if (has(500011))
        return `the resource ${resource} is not known in this tenant`;
    if (has(7000218)) {
        return mode === 'oidc'
            ? 'the app has no federated credential for GitHub'
            : 'give client-secret, or grant the job `permissions: id-token: write` to sign in with OIDC';
    }
    return undefined;
}
/** Sign-in to Entra ID with the client-credentials grant (v2.0 endpoint, scope `{resource}/.default`). */
function entraToken(options) {
    const { http, now } = options;
    const mode = options.credential.kind === 'secret' ? 'client-secret' : 'oidc';
    const url = `${withoutTrailingSlashes(options.authorityHost)}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`;
    let cached;
    let subject;
    async function signIn(timeoutMs, signal) {
        const started = now();
        const form = new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: options.clientId,
            scope: `${options.resource}/.default`
        });
        if (options.credential.kind === 'secret') {
            form.set('client_secret', options.credential.secret);
        }
        else {
            const assertion = await options.credential.idToken({ timeoutMs, signal });
            if (assertion.kind !== 'ok')
                return assertion;
            subject = jwtSubject(assertion.token);
            form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
            form.set('client_assertion', assertion.token);
        }
        const what = 'Entra ID sign-in';
        let response;
        try {
            response = await http.send({
                method: 'POST',
                url,
                headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
                body: form.toString(),
                timeoutMs: Math.max(1, timeoutMs - (now() - started)),
                signal
            });
        }
        catch (error) {
            return failureOutcome(error, timeoutMs, what);
        }
        const transient = transientFrom(response, what, now());
        if (transient)
            return transient;
        const json = parseJson(response.body);
        if (response.status >= 200 && response.status < 300) {
            const token = json?.access_token;
            if (typeof token !== 'string' || token === '')
                return { kind: 'transient', reason: `${what}: no access_token in the answer` };
            if (!isPlausibleToken(token)) {
                // Not masked: it is no secret worth hiding, and masking a short word would hide it everywhere.
                return {
                    kind: 'fatal',
                    reason: `${what} (${mode}): the answer's access_token is not a token (too short, too long or with blanks); check authority-host`
                };
            }
            options.mask(token);
            const lifetimeMs = tokenLifetimeMs(json?.expires_in);
            cached = { token, renewAt: started + lifetimeMs - renewalMargin(lifetimeMs) };
            return { kind: 'ok', token };
        }
        const code = typeof json?.error === 'string' ? json.error : `HTTP ${response.status}`;
        const description = typeof json?.error_description === 'string'
            ? (json.error_description.slice(0, 2_000).split(/\r?\n/)[0] ?? '')
            : '';
        const hint = signInHint(description, mode, subject, options.resource);
        let said = neutralize([code.slice(0, 200), description].filter(Boolean).join(': '), 600);
        if (!/[.!?]$/.test(said))
            said += '.';
        return { kind: 'fatal', reason: `${what} refused (${mode}): ${said}${hint ? ` Hint: ${hint}.` : ''}` };
    }
    // Offers watched together share one sign-in: a request for a token while one is under way waits for it.
    let pending;
    async function fresh(timeoutMs, signal) {
        const first = cached === undefined;
        const outcome = await signIn(timeoutMs, signal);
        if (outcome.kind === 'ok') {
            const via = mode === 'oidc' ? 'GitHub OIDC' : 'client secret';
            options.log?.(`${first ? 'Signed in to Entra ID' : 'Renewed the Entra ID token'} as app ${options.clientId} (${via}) for ${options.resource}.`);
        }
        return outcome;
    }
    return {
        mode,
        renewable: true,
        async token({ timeoutMs, signal, renew }) {
            if (cached && !renew && now() < cached.renewAt)
                return { kind: 'ok', token: cached.token };
            pending ??= fresh(timeoutMs, signal).finally(() => (pending = undefined));
            return pending;
        }
    };
}
/**
 * GitHub's OIDC ID token, as `core.getIDToken` gets it (`ACTIONS_ID_TOKEN_REQUEST_URL` with the
 * audience, `ACTIONS_ID_TOKEN_REQUEST_TOKEN` as bearer), but through the HTTP port so that the
 * deadline, cancellation and the transient-error rules apply to it as to every other request.
 */
function githubIdToken(options) {
    const separator = options.requestUrl.includes('?') ? '&' : '?';
    const url = `${options.requestUrl}${separator}audience=${encodeURIComponent(options.audience ?? OIDC_AUDIENCE)}`;
    const what = 'GitHub OIDC ID token';
    return async ({ timeoutMs, signal }) => {
        let response;
        try {
            response = await options.http.send({
                url,
                headers: { Authorization: `Bearer ${options.requestToken}`, Accept: 'application/json' },
                timeoutMs,
                signal
            });
        }
        catch (error) {
            return failureOutcome(error, timeoutMs, what);
        }
        const transient = transientFrom(response, what, options.now());
        if (transient)
            return transient;
        const value = parseJson(response.body)?.value;
        if (response.status >= 200 && response.status < 300 && typeof value === 'string' && isPlausibleToken(value)) {
            options.mask(value);
            return { kind: 'ok', token: value };
        }
        if (response.status >= 200 && response.status < 300)
            return { kind: 'transient', reason: `${what}: no token in the answer` };
        return {
            kind: 'fatal',
            reason: `${what}: GitHub refused the request (HTTP ${response.status}); check that the job has \`permissions: id-token: write\``
        };
    };
}
/**
 * The credentials for the settings' sign-in mode. OIDC needs the runner's ID-token endpoint, which a
 * job only has with `permissions: id-token: write`: without it, this fails before any request is sent.
 */
function createCredentials(auth, env, ports) {
    if (auth.kind === 'token') {
        const provider = staticToken(auth.token);
        const audience = jwtAudience(auth.token);
        return { mode: 'token', forResource: () => provider, ...(audience ? { tokenAudience: audience } : {}) };
    }
    let credential;
    if (auth.kind === 'client-secret') {
        credential = { kind: 'secret', secret: auth.clientSecret };
    }
    else {
        const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
        const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
        if (!requestUrl || !requestToken) {
            throw new InputError('Signing in with GitHub OIDC (tenant-id and client-id without client-secret) needs an ID token, and this job ' +
                'may not request one: add `permissions: id-token: write` to the job (or the workflow), or give client-secret.', 'OIDC permission missing');
        }
        const idToken = githubIdToken({ requestUrl, requestToken, http: ports.http, now: ports.now, mask: ports.mask });
        credential = { kind: 'oidc', idToken };
    }
    const providers = new Map();
    return {
        mode: auth.kind,
        forResource(resource) {
            let provider = providers.get(resource);
            if (!provider) {
                provider = entraToken({
                    resource,
                    authorityHost: auth.authorityHost,
                    tenantId: auth.tenantId,
                    clientId: auth.clientId,
                    credential,
                    ...ports
                });
                providers.set(resource, provider);
            }
            return provider;
        }
    };
}

;// CONCATENATED MODULE: ./src/links.ts
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
const LINK_HOSTS = [
    'portal.azure.com',
    'ms.portal.azure.com',
    'azuremarketplace.microsoft.com',
    'appsource.microsoft.com',
    'marketplace.microsoft.com',
    'partner.microsoft.com'
];
/** Longest link kept; a longer one is dropped, never cut (a cut link leads somewhere else). */
const MAX_URL_CHARS = 1_000;
/** Items of a remote list of links looked at, at most. */
const MAX_LINKS_READ = 10;
/** Characters a kept link may hold: unreserved, `%`, and the reserved ones that are inert in markdown. */
const URL_CHARS = /^[A-Za-z0-9\-._~:/?#!$&+,;=%]+$/;
/** Partner Center's GUIDs (a product's durable ID). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function onLinkHost(hostname) {
    return LINK_HOSTS.includes(hostname);
}
/** `value` when it is a link the publisher may be sent to (see the module's comment), else undefined. */
function trustedUrl(value) {
    if (typeof value !== 'string' || value.length > MAX_URL_CHARS || !URL_CHARS.test(value))
        return undefined;
    if (value.includes('::') || value.includes('&'))
        return undefined;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '')
        return undefined;
    if (!onLinkHost(url.hostname))
        return undefined;
    // Only a link that reads the same once parsed: nothing a parser would normalise away (`https:x`,
    // `HTTPS://`, `/./`, a trailing dot) can make it mean something else than it shows. A bare origin
    // gets its `/`.
    return url.href === value ? value : url.href === `${value}/` ? url.href : undefined;
}
/**
 * The first trusted `uri` of a list of `{ displayText, uri }` (the Cloud Partner Portal's
 * `previewLinks` and `liveLinks`). Only the first {@link MAX_LINKS_READ} items are looked at.
 */
function firstTrustedLink(list) {
    if (!Array.isArray(list))
        return undefined;
    for (const item of list.slice(0, MAX_LINKS_READ)) {
        if (typeof item !== 'object' || item === null)
            continue;
        const url = trustedUrl(item.uri);
        if (url)
            return url;
    }
    return undefined;
}
/** Partner Center's page of a product, from its durable ID; undefined unless that is a GUID. */
function partnerCenterOfferPage(productId) {
    if (!GUID.test(productId))
        return undefined;
    return `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productId.toLowerCase()}/overview`;
}
/**
 * A markdown link to a trusted URL, showing the URL itself (so that the reader sees where it leads);
 * undefined for anything {@link trustedUrl} refuses. The URL's characters that could pair as emphasis
 * or read as an entity are written as character references in the text shown.
 */
function markdownLink(url) {
    const trusted = trustedUrl(url);
    if (!trusted)
        return undefined;
    const shown = trusted.replace(/[_~]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `[${shown}](${trusted})`;
}

;// CONCATENATED MODULE: ./src/limits.ts
/**
 * How much of what a server sends is kept, and how big what the action writes may grow. A status
 * answer is a few kilobytes; everything past these bounds is dropped with a count, never crashes or
 * stalls the action, and is said where it is shown ("... N more").
 */
/** Publishing steps kept of one answer (a real offer has about ten). */
const MAX_STEPS = 100;
/** Messages kept per step, and for the offer itself. */
const MAX_MESSAGES = 20;
/** Characters kept of one message's plain text. */
const MAX_MESSAGE_CHARS = 1_000;
/** Characters kept of a status, step ID, name or estimate. */
const MAX_FIELD_CHARS = 200;
/** Changes of status kept in a watch's history (the first and the last ones; the middle is counted). */
const MAX_HISTORY = 200;
/** GitHub shows no job summary over 1 MiB: the summary is built to this many bytes, with room to spare. */
const SUMMARY_BUDGET_BYTES = 1_000_000;
/**
 * GitHub takes at most 1 MB per output, and a job's outputs together may not pass 1 MB either (a
 * workflow may map all of them to job outputs): all the outputs together are built to this many bytes.
 */
const OUTPUT_BUDGET_BYTES = 900_000;
/**
 * The first `max` items of what should be an array, and how many more there were. A remote-sized
 * array is only sliced, never spread or walked whole.
 */
function firstItems(value, max) {
    if (!Array.isArray(value))
        return { items: [], omitted: 0 };
    return { items: value.slice(0, max), omitted: Math.max(0, value.length - max) };
}

;// CONCATENATED MODULE: ./src/snapshot.ts
/**
 * The offer status as the action sees it, whatever API reported it: an offer status and publishing
 * steps in the canonical PascalCase names (compared case-insensitively; an unknown status is kept as
 * it came), with the decisions taken on a snapshot. The sources in `sources/` turn their APIs' answers
 * into this model.
 */
const OFFER_STATUSES = [
    'NeverPublished',
    'NotStarted',
    'WaitingForPublisherReview',
    'Running',
    'Succeeded',
    'Canceled',
    'Failed'
];
const STEP_STATUSES = [
    'NotStarted',
    'InProgress',
    'WaitingForPublisherReview',
    'WaitingForApproval',
    'Blocked',
    'Rejected',
    'Complete',
    'Canceled'
];
const CANONICAL = new Map([...OFFER_STATUSES, ...STEP_STATUSES, 'Cancelled'].map((s) => [s.toLowerCase(), s === 'Cancelled' ? 'Canceled' : s]));
/** Canonical PascalCase of a known status; an unknown one is returned as it came (trimmed). */
function canonicalStatus(raw) {
    const trimmed = raw.trim();
    return CANONICAL.get(trimmed.toLowerCase()) ?? trimmed;
}
function isStatus(status, expected) {
    return status.toLowerCase() === expected.toLowerCase();
}
const FINAL_OFFER = ['Succeeded', 'Failed', 'Canceled'];
function isFinalOfferStatus(status) {
    return FINAL_OFFER.some((s) => isStatus(status, s));
}
function rejectedSteps(snapshot) {
    return snapshot.steps.filter((s) => isStatus(s.status, 'Rejected'));
}
/** True when the offer (or one of its steps, such as `publisher-signoff`) waits for the publisher's sign-off. */
function waitsForPublisherReview(snapshot) {
    return (isStatus(snapshot.status, 'WaitingForPublisherReview') ||
        snapshot.steps.some((s) => isStatus(s.status, 'WaitingForPublisherReview')));
}
const ACTIVE_ORDER = [
    'Rejected',
    'InProgress',
    'WaitingForPublisherReview',
    'WaitingForApproval',
    'Blocked',
    'Canceled'
];
/**
 * The step worth naming in a one-line report: a rejected one, else the first in progress or waiting,
 * else the first one with a status we do not know, else the first not started.
 */
function activeStep(snapshot) {
    for (const wanted of ACTIVE_ORDER) {
        const step = snapshot.steps.find((s) => isStatus(s.status, wanted));
        if (step)
            return step;
    }
    const known = new Set(STEP_STATUSES.map((s) => s.toLowerCase()));
    return (snapshot.steps.find((s) => !known.has(s.status.toLowerCase())) ??
        snapshot.steps.find((s) => isStatus(s.status, 'NotStarted')));
}
/** Whether anything a watcher cares about differs: offer status, a step's status or progress, the set of steps. */
function hasChanged(before, after) {
    return differs(before, after, true);
}
/**
 * Whether the publish moved on: the offer's status, the set of steps or a step's status differs.
 * Progress alone does not count: a step that reports progress every few minutes is still the same step,
 * and resetting backoff on each report would poll it at `interval` for days.
 */
function hasMovedOn(before, after) {
    return differs(before, after, false);
}
function differs(before, after, progress) {
    if (!before)
        return true;
    if (before.status !== after.status || before.steps.length !== after.steps.length)
        return true;
    return after.steps.some((step, i) => {
        const old = before.steps[i];
        return old?.id !== step.id || old.status !== step.status || (progress && old.progress !== step.progress);
    });
}

;// CONCATENATED MODULE: ./src/outcome.ts
/**
 * Where publishing stands, in the publisher's terms: the `outcome` output and the first word of the
 * summary. It is about the offer, not the run: a run that timed out or was cancelled still has the
 * outcome its last status shows (`in-progress`, say), and `result` says how the run ended.
 *
 * | outcome | when |
 * | --- | --- |
 * | `failed` | the offer (or job) Failed, or a step was Rejected |
 * | `canceled` | the offer's publish (or the job) was Canceled |
 * | `unknown` | no status could be read, or the offer's status is one the action does not know |
 * | `not-published` | the offer was never published |
 * | `in-progress` | a publish is under way (Running, NotStarted) and waits for nobody |
 * | `succeeded` | a configure job completed (a job is not itself a publish: its submission goes on) |
 * | `preview-ready` | the preview is ready and waits for the publisher's sign-off |
 * | `live` | the offer is live (the publish Succeeded) |
 *
 * Several offers and jobs: the worst of their outcomes, in the order of this table.
 */

/** Worst first: the outcome of several is the first of these that any of them has. */
const OUTCOMES = [
    'failed',
    'canceled',
    'unknown',
    'not-published',
    'in-progress',
    'succeeded',
    'preview-ready',
    'live'
];
/** The outcome of one watched offer or job, from its last good read (none: `unknown`). */
function outcomeOf(watch) {
    const { snapshot } = watch;
    if (!snapshot)
        return 'unknown';
    if (rejectedSteps(snapshot).length > 0 || isStatus(snapshot.status, 'Failed'))
        return 'failed';
    if (isStatus(snapshot.status, 'Canceled'))
        return 'canceled';
    if (isStatus(snapshot.status, 'Succeeded'))
        return watch.kind === 'job' ? 'succeeded' : 'live';
    if (waitsForPublisherReview(snapshot))
        return 'preview-ready';
    if (isStatus(snapshot.status, 'NeverPublished'))
        return 'not-published';
    if (isStatus(snapshot.status, 'Running') || isStatus(snapshot.status, 'NotStarted'))
        return 'in-progress';
    return 'unknown';
}
/** The worst of several outcomes (`unknown` for none). */
function worstOutcome(outcomes) {
    return OUTCOMES.find((outcome) => outcomes.includes(outcome)) ?? 'unknown';
}

;// CONCATENATED MODULE: ./src/outputs.ts
/**
 * The step's outputs: `status`, `result`, `outcome`, `preview-url`, `live-url`, `steps`, `offers`,
 * `stuck-steps`, `changed` and `changes`. Remote text in them is neutralised; `status` is a plain word a
 * later `run:` step can interpolate, `outcome` one of a fixed set, a URL one that `links.ts` trusts;
 * each JSON output is built to a byte budget and, when cut, stays valid JSON with a last element saying
 * so.
 */




/** Budgets of the smaller outputs; `offers` gets what is left of {@link OUTPUT_BUDGET_BYTES}. */
const STEPS_BUDGET_BYTES = 100_000;
const STUCK_BUDGET_BYTES = 100_000;
const CHANGES_BUDGET_BYTES = 100_000;
/**
 * What `changes` keeps of the budget before `offers` takes its share: a first check of a big
 * portfolio lists every status in both, and `offers` (where each offer stands) comes first.
 */
const CHANGES_RESERVE_BYTES = 20_000;
const changeOutput = (change) => ({
    item: outputs_text(change.item),
    what: change.what,
    step: change.step === undefined ? null : outputs_text(change.step),
    name: change.name === undefined ? null : outputs_text(change.name),
    from: change.from === undefined ? null : outputs_text(change.from),
    to: outputs_text(change.to),
    firstSeen: change.firstSeen
});
const outputs_text = (value) => neutralize(value, 200);
function stepsOf(watch) {
    return (watch?.snapshot?.steps ?? []).map((step) => ({
        id: outputs_text(step.id),
        name: outputs_text(step.name),
        status: outputs_text(step.status),
        progress: step.progress ?? null,
        estimatedTimeFrame: step.estimatedTimeFrame ? outputs_text(step.estimatedTimeFrame) : null
    }));
}
/**
 * A JSON array of `items` in at most `budget` bytes: the items that fit, in order, then (when some
 * did not) a {@link TruncationMarker} with how many were left out. `shape` makes each item's JSON
 * value, only for the items that are written.
 */
function jsonArray(items, budget, shape = (item) => item) {
    const parts = [];
    let bytes = 2;
    for (const [i, item] of items.entries()) {
        const json = JSON.stringify(shape(item));
        const comma = parts.length > 0 ? 1 : 0;
        const cost = Buffer.byteLength(json) + comma;
        const marker = JSON.stringify({ truncated: true, omitted: items.length - i });
        const room = i === items.length - 1 ? budget : budget - Buffer.byteLength(marker) - 1;
        if (bytes + cost > room) {
            parts.push(marker);
            break;
        }
        parts.push(json);
        bytes += cost;
    }
    return `[${parts.join(',')}]`;
}
/**
 * A link of the offer, for an output: trusted (see `links.ts`) and neutralised like every output (which
 * leaves a trusted link as it is); '' when there is none, or when neutralising would change it.
 */
function urlOf(link) {
    const url = trustedUrl(link);
    return url !== undefined && neutralize(url, MAX_URL_CHARS) === url ? url : '';
}
/** The offer's links as the outputs give them: the preview once it is ready (or live), the listing once live. */
function linksOf(watch, outcome) {
    const links = watch.snapshot?.links;
    return {
        preview: outcome === 'preview-ready' || outcome === 'live' ? urlOf(links?.preview) : '',
        live: outcome === 'live' ? urlOf(links?.live) : ''
    };
}
/**
 * `status` and `steps` describe the offer when there is one; with several, `status` is their common
 * status if they share one (else empty), `outcome` the worst of theirs, `steps`, `preview-url` and
 * `live-url` are empty: `offers` has each offer's. `changed` is whether `changes` (since the last
 * check: see `since.ts`) has any.
 */
function outputsOf(watches, verdicts, overall, changes = []) {
    const statuses = new Set(watches.map((w) => plainWord(w.snapshot?.status ?? '')));
    const single = watches.length === 1 ? watches[0] : undefined;
    const outcomes = watches.map(outcomeOf);
    const offer = (watch, i) => {
        const outcome = outcomes[i] ?? outcomeOf(watch);
        const links = linksOf(watch, outcome);
        return {
            id: outputs_text(watch.id),
            status: outputs_text(watch.snapshot?.status ?? ''),
            result: verdicts[i]?.result ?? overall,
            outcome,
            previewUrl: links.preview || null,
            liveUrl: links.live || null,
            steps: stepsOf(watch)
        };
    };
    const stuck = watches.flatMap((watch) => watch.stuck.map((step) => ({
        offer: outputs_text(watch.id),
        id: outputs_text(step.id),
        name: outputs_text(step.name),
        inProgressSince: new Date(step.since).toISOString(),
        inProgressMinutes: Math.round(step.inProgressMs / 60_000),
        estimatedTimeFrame: outputs_text(step.estimatedTimeFrame)
    })));
    const status = statuses.size === 1 ? ([...statuses][0] ?? '') : '';
    const steps = jsonArray(single ? stepsOf(single) : [], STEPS_BUDGET_BYTES);
    const stuckSteps = jsonArray(stuck, STUCK_BUDGET_BYTES);
    const wholeChanges = jsonArray(changes, CHANGES_BUDGET_BYTES, changeOutput);
    const changesBytes = Buffer.byteLength(wholeChanges);
    // All outputs together within the budget: `offers` has what the others leave, but for the most of
    // `changes` that would fit CHANGES_RESERVE_BYTES, and `changes` what `offers` leaves.
    const reserve = Math.min(changesBytes, CHANGES_RESERVE_BYTES);
    const left = OUTPUT_BUDGET_BYTES - Buffer.byteLength(steps) - Buffer.byteLength(stuckSteps) - reserve - 100;
    const offers = jsonArray(watches.map((watch, i) => [watch, i]), left, ([watch, i]) => offer(watch, i));
    const changesLeft = left + reserve - Buffer.byteLength(offers);
    const changesJson = changesBytes <= changesLeft
        ? wholeChanges
        : jsonArray(changes, Math.min(CHANGES_BUDGET_BYTES, changesLeft), changeOutput);
    const links = single ? linksOf(single, outcomes[0] ?? outcomeOf(single)) : { preview: '', live: '' };
    return {
        status,
        result: overall,
        // No offer at all (bad inputs): `unknown`.
        outcome: worstOutcome(outcomes),
        'preview-url': links.preview,
        'live-url': links.live,
        steps,
        offers,
        'stuck-steps': stuckSteps,
        changed: String(changes.length > 0),
        changes: changesJson
    };
}

;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: ./src/limiter.ts
/** The default of the `max-concurrency` input. */
const MAX_IN_FLIGHT = 4;
function createLimiter(ports, maxInFlight = MAX_IN_FLIGHT) {
    let inFlight = 0;
    /** First come, first served: each entry resolves with whether its reader got the slot. */
    const waiting = [];
    let notBefore = 0;
    /** What the API said when it asked for the throttle, so that a wait it causes names the real reason. */
    let throttledBy = '';
    /** A free slot, or false once the signal aborts. The slot passes straight from releaser to waiter. */
    function acquire(signal) {
        if (signal.aborted)
            return Promise.resolve(false);
        if (inFlight < maxInFlight) {
            inFlight++;
            return Promise.resolve(true);
        }
        return new Promise((resolve) => {
            const onAbort = () => {
                const at = waiting.indexOf(grant);
                if (at >= 0)
                    waiting.splice(at, 1);
                resolve(false);
            };
            const grant = (granted) => {
                signal.removeEventListener('abort', onAbort);
                resolve(granted);
            };
            waiting.push(grant);
            signal.addEventListener('abort', onAbort, { once: true });
        });
    }
    function release() {
        const next = waiting.shift();
        if (next)
            next(true);
        else
            inFlight--;
    }
    return {
        wrap(source) {
            return {
                id: source.id,
                label: source.label,
                ...(source.kind ? { kind: source.kind } : {}),
                // A getter: a source that switches APIs says which one answered.
                get key() {
                    return source.key;
                },
                ...(source.aliases ? { aliases: source.aliases } : {}),
                ...(source.intervalMs === undefined ? {} : { intervalMs: source.intervalMs }),
                ...(source.minIntervalMs === undefined ? {} : { minIntervalMs: source.minIntervalMs }),
                async read({ timeoutMs, signal, notAfter = Infinity }) {
                    // Wait out a throttle another offer was told about, unless it lasts past the deadline.
                    const throttled = notBefore - ports.now();
                    if (throttled > 0) {
                        if (notBefore >= notAfter)
                            return { kind: 'transient', reason: `throttled by the API (${throttledBy})`, retryAfterMs: throttled };
                        await ports.sleep(throttled, signal);
                    }
                    if (!(await acquire(signal)))
                        return { kind: 'transient', reason: 'request cancelled' };
                    try {
                        // The read's own limit starts now that it is sent; the deadline still cuts it.
                        const left = Math.min(timeoutMs, notAfter - ports.now());
                        if (left <= 0) {
                            return { kind: 'transient', reason: 'the time ran out while waiting for a free request slot' };
                        }
                        const outcome = await source.read({ timeoutMs: left, signal });
                        if (outcome.kind === 'transient' && outcome.retryAfterMs) {
                            notBefore = Math.max(notBefore, ports.now() + outcome.retryAfterMs);
                            throttledBy = outcome.reason;
                        }
                        return outcome;
                    }
                    finally {
                        release();
                    }
                }
            };
        }
    };
}

;// CONCATENATED MODULE: ./src/backoff.ts
/**
 * When to look next. Starts at `interval`, doubles while nothing changes, is capped at `maxInterval`
 * and goes back to `interval` when the publish moves on (a status changes; progress alone does not);
 * `pace.ts` narrows that range for the active step. A jitter of ±20% spreads many watchers apart,
 * and a server's `Retry-After` is a floor.
 */
const JITTER = 0.2;
/**
 * The un-jittered delay after a poll: the pace's floor after the publish moved on (or the first look), else double
 * the last, within the pace. Plain backoff is the pace from `interval` to `maxInterval`.
 */
function nextBase(previousBaseMs, changed, pace) {
    if (changed || previousBaseMs === undefined)
        return pace.floorMs;
    return Math.max(pace.floorMs, Math.min(pace.capMs, previousBaseMs * 2));
}
/** The delay actually slept: base with jitter, at most `maxInterval`, at least `Retry-After`. */
function jittered(baseMs, settings, random, retryAfterMs = 0) {
    const factor = 1 + (random() * 2 - 1) * JITTER;
    const delay = Math.min(settings.maxIntervalMs, Math.round(baseMs * factor));
    return Math.max(delay, retryAfterMs);
}

;// CONCATENATED MODULE: ./src/estimate.ts
/**
 * A step's `estimatedTimeFrame` ("< 15 min", "< 1 hour", "< 1 day", "~2-3 days", "~2-5 days") as a
 * duration range. Anything else is unknown (undefined): the caller then falls back to plain backoff.
 */
const estimate_UNIT_MS = [
    [/^(m|min|mins|minute|minutes)$/, 60_000],
    [/^(h|hr|hrs|hour|hours)$/, 3_600_000],
    [/^(d|day|days)$/, 86_400_000],
    [/^(w|wk|wks|week|weeks)$/, 604_800_000]
];
function unitMs(unit) {
    return estimate_UNIT_MS.find(([pattern]) => pattern.test(unit))?.[1];
}
const NUMBER = '(\\d+(?:\\.\\d+)?)';
const UPTO = new RegExp(`^<\\s*${NUMBER}\\s*([a-z]+)$`);
const RANGE = new RegExp(`^~?\\s*${NUMBER}\\s*-\\s*${NUMBER}\\s*([a-z]+)$`);
const ABOUT = new RegExp(`^~?\\s*${NUMBER}\\s*([a-z]+)$`);
function parseEstimate(text) {
    if (!text)
        return undefined;
    const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
    let match = UPTO.exec(t);
    if (match) {
        const unit = unitMs(match[2] ?? '');
        return unit ? range(0, Number(match[1]) * unit) : undefined;
    }
    match = RANGE.exec(t);
    if (match) {
        const unit = unitMs(match[3] ?? '');
        return unit ? range(Number(match[1]) * unit, Number(match[2]) * unit) : undefined;
    }
    match = ABOUT.exec(t);
    if (match) {
        const unit = unitMs(match[2] ?? '');
        return unit ? range(Number(match[1]) * unit, Number(match[1]) * unit) : undefined;
    }
    return undefined;
}
function range(minMs, maxMs) {
    return maxMs > 0 && minMs <= maxMs ? { minMs, maxMs } : undefined;
}

;// CONCATENATED MODULE: ./src/pace.ts


/** A step is checked every this fraction of its estimate's upper end (`< 1 hour`: every 6 min). */
const PACE_FRACTION = 1 / 10;
function plainPace(settings) {
    return { floorMs: settings.intervalMs, capMs: settings.maxIntervalMs };
}
/**
 * The pace for the active step, given how long it has been in progress (`inProgressMs`).
 * Only a step in progress with a readable estimate changes the pace.
 */
function paceFor(step, inProgressMs, settings) {
    if (!step || !isStatus(step.status, 'InProgress'))
        return plainPace(settings);
    const estimate = parseEstimate(step.estimatedTimeFrame);
    if (!estimate || !step.estimatedTimeFrame)
        return plainPace(settings);
    const target = Math.min(settings.maxIntervalMs, Math.max(settings.intervalMs, estimate.maxMs * PACE_FRACTION));
    const basis = { step: step.name, estimate: step.estimatedTimeFrame };
    if (inProgressMs > estimate.maxMs)
        return { floorMs: target, capMs: settings.maxIntervalMs, basis };
    return { floorMs: target, capMs: target, basis };
}

;// CONCATENATED MODULE: ./src/stuck.ts
/**
 * Stuck steps: in progress for longer than the upper end of their estimate (or, for an API that gives
 * no estimates, than the step's limit, the `stuck-after` input). How long a step has been
 * in progress is judged from the earliest timestamp among its messages, else from when the action
 * first saw it in progress.
 */



/** No publishing step started before the API existed: an earlier timestamp is a placeholder. */
const EARLIEST_PLAUSIBLE = Date.UTC(2017, 0, 1);
/** `2026-11-25T10:00:00Z`, with optional fraction and offset (`+01:00`); nothing else is read as a time. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** A message timestamp as a time, when it is an ISO 8601 string from 2017 on and not in the future. */
function messageTime(timestamp, now) {
    if (timestamp === undefined || timestamp.length > 40)
        return undefined;
    const text = timestamp.trim();
    if (!ISO_8601.test(text))
        return undefined;
    const at = Date.parse(text);
    return Number.isFinite(at) && at >= EARLIEST_PLAUSIBLE && at <= now ? at : undefined;
}
/** The earliest plausible message timestamp of a step (see {@link messageTime}). */
function earliestMessageAt(step, now) {
    let earliest;
    for (const message of step.messages) {
        const at = messageTime(message.timestamp, now);
        if (at !== undefined && (earliest === undefined || at < earliest))
            earliest = at;
    }
    return earliest;
}
/**
 * Remembers when each step was first seen in progress (the first look counts as its start when
 * nothing better is known) and forgets it when the step leaves that status.
 */
function trackInProgress(firstSeen, snapshot, now) {
    const inProgress = new Set();
    for (const step of snapshot.steps) {
        if (isStatus(step.status, 'InProgress')) {
            inProgress.add(step.id);
            if (!firstSeen.has(step.id))
                firstSeen.set(step.id, now);
        }
    }
    // Steps gone from the answer are forgotten too, so the map never outgrows one answer.
    for (const id of firstSeen.keys())
        if (!inProgress.has(id))
            firstSeen.delete(id);
}
/** When a step in progress started: its earliest message, else when it was first seen in progress. */
function inProgressSince(step, firstSeen, now) {
    const seen = firstSeen.get(step.id) ?? now;
    const fromMessages = earliestMessageAt(step, now);
    return fromMessages !== undefined && fromMessages < seen ? fromMessages : seen;
}
/** How long a step may be in progress, and how to say so: its estimate's upper end, else its limit. */
function allowance(step) {
    const estimate = parseEstimate(step.estimatedTimeFrame);
    if (estimate && step.estimatedTimeFrame)
        return { maxMs: estimate.maxMs, said: step.estimatedTimeFrame };
    if (step.limitMs !== undefined && step.limitMs > 0) {
        return { maxMs: step.limitMs, said: `${formatDuration(step.limitMs)} (stuck-after)` };
    }
    return undefined;
}
function findStuck(snapshot, firstSeen, now) {
    return snapshot.steps.flatMap((step) => {
        if (!isStatus(step.status, 'InProgress'))
            return [];
        const allowed = allowance(step);
        if (!allowed)
            return [];
        const since = inProgressSince(step, firstSeen, now);
        const inProgressMs = now - since;
        if (inProgressMs <= allowed.maxMs)
            return [];
        return [{ id: step.id, name: step.name, since, inProgressMs, estimatedTimeFrame: allowed.said }];
    });
}

;// CONCATENATED MODULE: ./src/poll.ts
/**
 * The watch loop: poll a {@link StatusSource} until the offer reaches an end the settings wait for,
 * the deadline passes, or the run is cancelled. Pure apart from its ports: a clock, a sleep, a random
 * source and the status source, so tests drive it with a fake clock and no real waiting.
 */





const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** `wait-for: none` is one look: transient errors are retried for this long at most after the first answer. */
const ONE_LOOK_RETRY_MS = 120_000;
/** Before timing out, one last look this long (at most) before the deadline, so the report is fresh. */
const LAST_LOOK_MS = 5_000;
/** Why the loop may stop on this snapshot, if it may. */
function stopReason(snapshot, waitFor) {
    if (rejectedSteps(snapshot).length > 0)
        return 'rejected';
    if (isFinalOfferStatus(snapshot.status))
        return 'finished';
    if (waitFor === 'publisher-review' && waitsForPublisherReview(snapshot))
        return 'publisher-review';
    if (waitFor === 'none')
        return 'one-look';
    return undefined;
}
function observe(before, after, at, label) {
    const seen = [];
    if (before?.status !== after.status) {
        const offer = { at, subject: 'offer', name: label, to: after.status };
        if (before)
            offer.from = before.status;
        seen.push(offer);
    }
    if (!before)
        return seen;
    for (const step of after.steps) {
        const old = before.steps.find((s) => s.id === step.id);
        if (old?.status === step.status)
            continue;
        const change = { at, subject: step.id, name: step.name, to: step.status };
        if (old)
            change.from = old.status;
        seen.push(change);
    }
    return seen;
}
/**
 * A read that cannot throw: a bug or an input nobody foresaw ends this offer's watch as an error that
 * says what happened, instead of ending every offer's watch and the report with it.
 */
async function readSafely(source, options) {
    try {
        return await source.read(options);
    }
    catch (error) {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        return { kind: 'fatal', reason: `unexpected error while reading the status (${message.slice(0, 300)})` };
    }
}
/** The source's name across runs; a test double without one is named by its kind and ID. */
function keyOf(source) {
    return source.key ?? `${source.kind ?? 'offer'}:${source.id}`;
}
/** Appends changes to the history, keeping its first and last ones within {@link MAX_HISTORY}. */
function poll_record(result, changes) {
    for (const change of changes) {
        result.history.push(change);
        if (result.history.length > MAX_HISTORY) {
            result.history.splice(MAX_HISTORY / 2, 1);
            result.historyOmitted++;
        }
    }
}
async function watch(source, settings, ports) {
    const { now, sleep, random, signal } = ports;
    const startedAt = now();
    // `wait-for: none` retries for ONE_LOOK_RETRY_MS after its first answer (which may have queued
    // behind other offers' requests for a while), never past `timeout`.
    let deadline = startedAt + settings.timeoutMs;
    const oneLook = settings.waitFor === 'none';
    const requestTimeoutMs = settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const firstSeenInProgress = new Map();
    const result = {
        id: source.id,
        ...(source.kind === 'job' ? { kind: 'job' } : {}),
        label: source.label,
        key: keyOf(source),
        end: { kind: 'timed-out' },
        history: [],
        historyOmitted: 0,
        polls: 0,
        transientErrors: 0,
        retries: 0,
        stuck: [],
        firstSeenInProgress,
        startedAt,
        endedAt: startedAt
    };
    const finish = (end) => {
        // A source that may switch APIs knows which one answered only once it has.
        result.key = keyOf(source);
        result.end = end;
        result.endedAt = now();
        return result;
    };
    let base;
    let lastLookTaken = false;
    // A function, so that the compiler does not take `aborted` for unchanged across an await.
    const cancelled = () => signal.aborted;
    const emit = (event) => ports.onEvent?.({ label: source.label, ...event });
    /** Whether the last read failed in a way worth another try: the next read is that try. */
    let retrying = false;
    for (;;) {
        if (signal.aborted)
            return finish({ kind: 'cancelled' });
        const remaining = deadline - now();
        if (remaining <= 0)
            return finish({ kind: 'timed-out' });
        if (retrying)
            result.retries++;
        const outcome = await readSafely(source, {
            timeoutMs: Math.min(requestTimeoutMs, remaining),
            signal,
            notAfter: deadline
        });
        result.polls++;
        if (cancelled())
            return finish({ kind: 'cancelled' });
        const at = now();
        if (oneLook && result.polls === 1)
            deadline = Math.min(deadline, at + ONE_LOOK_RETRY_MS);
        const elapsedMs = at - startedAt;
        let retryAfterMs = 0;
        let changed = false;
        if (outcome.kind === 'fatal') {
            const end = { kind: 'error', reason: outcome.reason };
            if (outcome.httpStatus !== undefined)
                end.httpStatus = outcome.httpStatus;
            if (outcome.signIn)
                end.signIn = true;
            return finish(end);
        }
        retrying = outcome.kind === 'transient';
        let pace = plainPace(settings);
        if (outcome.kind === 'ok') {
            const { snapshot } = outcome;
            delete result.lastError;
            if (result.firstReadAt === undefined) {
                result.firstReadAt = at;
                // What earlier checks saw in progress (and still is) counts from when they first saw it.
                for (const [id, since] of ports.carriedFirstSeen?.(keyOf(source)) ?? []) {
                    if (Number.isFinite(since))
                        firstSeenInProgress.set(id, Math.min(since, at));
                }
            }
            result.readAt = at;
            changed = hasChanged(result.snapshot, snapshot);
            const movedOn = hasMovedOn(result.snapshot, snapshot);
            poll_record(result, observe(result.snapshot, snapshot, at, source.label));
            result.snapshot = snapshot;
            trackInProgress(firstSeenInProgress, snapshot, at);
            const stuck = findStuck(snapshot, firstSeenInProgress, at);
            for (const step of stuck) {
                if (!result.stuck.some((s) => s.id === step.id))
                    emit({ type: 'stuck', elapsedMs, step });
            }
            result.stuck = stuck;
            const step = activeStep(snapshot);
            const since = step && isStatus(step.status, 'InProgress') ? inProgressSince(step, firstSeenInProgress, at) : undefined;
            if (step && since !== undefined)
                result.inProgress = { id: step.id, since };
            else
                delete result.inProgress;
            const reason = stopReason(snapshot, settings.waitFor) ?? (settings.failOnStuck && stuck.length > 0 ? 'stuck' : undefined);
            if (reason) {
                emit({ type: 'read', elapsedMs, snapshot, changed });
                return finish({ kind: 'stopped', reason });
            }
            // Only a step in progress sets the pace (see pace.ts).
            pace = step ? paceFor(step, at - (since ?? at), settings) : pace;
            base = nextBase(base, movedOn, pace);
        }
        else {
            result.transientErrors++;
            // A request that timed out because the deadline cut it short says less than the failure before it.
            const cutByDeadline = outcome.timedOut === true && remaining < requestTimeoutMs;
            if (!(cutByDeadline && result.lastError))
                result.lastError = outcome.reason;
            base = nextBase(base, false, pace);
            retryAfterMs = outcome.retryAfterMs ?? 0;
        }
        // Plan the next look; never sleep past the deadline, and take one last look shortly before it.
        let delay = Math.max(jittered(base, settings, random, retryAfterMs), settings.minIntervalMs ?? 0);
        let lookAfterSleep = true;
        const left = deadline - now();
        if (delay >= left) {
            const lastLook = left - Math.min(LAST_LOOK_MS, left / 2);
            if (!lastLookTaken && lastLook > 0 && retryAfterMs <= lastLook) {
                lastLookTaken = true;
                delay = Math.round(lastLook);
            }
            else {
                delay = Math.max(0, left);
                lookAfterSleep = false;
            }
        }
        const next = lookAfterSleep ? { nextDelayMs: delay } : {};
        emit(outcome.kind === 'ok'
            ? { type: 'read', elapsedMs, snapshot: outcome.snapshot, changed, ...(pace.basis ? { pace } : {}), ...next }
            : { type: 'transient', elapsedMs, reason: outcome.reason, ...next });
        await sleep(delay, signal);
    }
}

;// CONCATENATED MODULE: ./src/portfolio.ts
/**
 * Several offers in one step: each watched by its own loop, on its own terms, all sharing one limiter
 * (at most `maxConcurrency` requests in flight, one throttle) and one deadline.
 */



const DEFAULT_INTERVAL_MS = 30_000;
/**
 * Abort listeners one watch may hold on the shared signal at once: its sleep or its place in the
 * limiter's queue, a request, a sign-in.
 */
const LISTENERS_PER_WATCH = 4;
async function watchAll(sources, settings, ports) {
    const { maxConcurrency = MAX_IN_FLIGHT, ...watchSettings } = settings;
    const limiter = createLimiter(ports, maxConcurrency);
    // Every watch listens to the one cancel signal: a thousand offers are a thousand listeners, not a leak.
    (0,external_node_events_namespaceObject.setMaxListeners)(Math.max(10, sources.length * LISTENERS_PER_WATCH), ports.signal);
    return Promise.all(sources.map((source) => {
        // The API's own pace, and its floor, unless the interval input says otherwise.
        const own = settings.intervalMs === undefined && source.minIntervalMs
            ? { minIntervalMs: Math.min(source.minIntervalMs, settings.maxIntervalMs) }
            : {};
        const intervalMs = Math.min(settings.maxIntervalMs, settings.intervalMs ?? source.intervalMs ?? DEFAULT_INTERVAL_MS);
        return watch(limiter.wrap(source), { ...watchSettings, ...own, intervalMs }, ports);
    }));
}

;// CONCATENATED MODULE: ./src/ports.ts
const now = () => Date.now();
const random = () => Math.random();
/** The longest delay `setTimeout` takes as it is; a longer one would fire at once. */
const ports_MAX_TIMER_MS = 2_147_483_647;
/**
 * A timer that ends early, without an error, when the signal aborts. Any length is safe: a wait past
 * the timer limit (24.8 days) is slept in pieces; a non-finite one lasts until the signal aborts.
 */
const sleep = (ms, signal) => new Promise((resolve) => {
    if (signal.aborted || !(ms > 0)) {
        resolve();
        return;
    }
    const until = Date.now() + ms;
    let timer;
    const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
    };
    const arm = () => {
        const left = until - Date.now();
        if (left <= 0) {
            done();
            return;
        }
        timer = setTimeout(arm, Math.min(left, ports_MAX_TIMER_MS));
    };
    signal.addEventListener('abort', done, { once: true });
    arm();
});

;// CONCATENATED MODULE: ./src/present.ts

const STEP_ICONS = [
    ['Complete', '✅'],
    ['InProgress', '🔄'],
    ['NotStarted', '⚪'],
    ['WaitingForPublisherReview', '👀'],
    ['WaitingForApproval', '⏳'],
    ['Blocked', '⛔'],
    ['Rejected', '❌'],
    ['Canceled', '🚫']
];
const OFFER_ICONS = [
    ['Succeeded', '✅'],
    ['Failed', '❌'],
    ['Canceled', '🚫'],
    ['Running', '🔄'],
    ['WaitingForPublisherReview', '👀'],
    ['NotStarted', '⚪'],
    ['NeverPublished', '⚪']
];
const UNKNOWN_ICON = '❔';
function stepIcon(status) {
    return STEP_ICONS.find(([s]) => isStatus(status, s))?.[1] ?? UNKNOWN_ICON;
}
function offerIcon(status) {
    return OFFER_ICONS.find(([s]) => isStatus(status, s))?.[1] ?? UNKNOWN_ICON;
}
const RESULT_ICONS = {
    passed: '✅',
    failed: '❌',
    'timed-out': '⏱️',
    cancelled: '⛔'
};
const OUTCOME_ICONS = {
    failed: '❌',
    canceled: '🚫',
    unknown: '❔',
    'not-published': '⚪',
    'in-progress': '🔄',
    succeeded: '✅',
    'preview-ready': '👀',
    live: '✅'
};
/** What a watch is about, as a sentence starts: `Offer contoso/vm-offer` or `Configure job 0b1c…`. */
function subjectOf(watch) {
    return watch.kind === 'job' ? watch.label : `Offer ${watch.label}`;
}
/** `███░░░░░░░ 30%`; an absent progress is an em dash. */
function progressBar(progress, width = 10) {
    if (progress === undefined)
        return '—';
    const filled = Math.round((progress / 100) * width);
    return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(progress)}%`;
}
/** `2026-11-25 10:22:05 UTC` */
function clockTime(ms) {
    return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

;// CONCATENATED MODULE: ./src/progress.ts
/**
 * The log while waiting: one line a poll, with the steps in a collapsible group when they changed.
 * Every remote text goes through `neutralize`: one line, no workflow command, capped.
 */




function stepBrief(step) {
    const progress = step.progress === undefined ? '' : ` ${Math.round(step.progress)}%`;
    const estimate = step.estimatedTimeFrame ? ` (estimate ${step.estimatedTimeFrame})` : '';
    return neutralize(`${step.name} ${step.status}${progress}${estimate}`, 200);
}
function nextCheck(event) {
    if (event.nextDelayMs === undefined)
        return 'no further check';
    const pace = event.type === 'read' ? event.pace?.basis : undefined;
    const why = pace ? ` (paced for ${neutralize(pace.step, 60)}, ${neutralize(pace.estimate, 30)})` : '';
    return `next check in ${formatDuration(event.nextDelayMs)}${why}`;
}
/**
 * `[2m 30s] Running · Certification InProgress 40% (estimate ~2-3 days) · next check in 10m (paced for ...)`;
 * with several offers, the offer's label comes first.
 */
function pollLine(event, options = {}) {
    const elapsed = `[${formatDuration(event.elapsedMs)}]${options.withLabel ? ` ${neutralize(event.label, 120)}:` : ''}`;
    switch (event.type) {
        case 'transient': {
            const next = event.nextDelayMs === undefined
                ? 'no retry before the timeout'
                : `retrying in ${formatDuration(event.nextDelayMs)}`;
            return `${elapsed} ${neutralize(event.reason, 300)} · ${next}`;
        }
        case 'stuck': {
            const { step } = event;
            return neutralize(`${elapsed} ${step.name} has been in progress for ${formatDuration(step.inProgressMs)}, ` +
                `beyond its estimate of ${step.estimatedTimeFrame}: stuck`, 400);
        }
        case 'read': {
            const step = activeStep(event.snapshot);
            const parts = [`${offerIcon(event.snapshot.status)} ${neutralize(event.snapshot.status, 60)}`];
            if (step)
                parts.push(stepBrief(step));
            if (!event.changed)
                parts.push('no change');
            parts.push(nextCheck(event));
            return `${elapsed} ${parts.join(' · ')}`;
        }
    }
}
/** Messages logged per step (and for the offer) when the steps change; the summary shows more. */
const LOGGED_MESSAGES = 3;
function messageLines(messages, omitted, indent) {
    const lines = messages
        .slice(0, LOGGED_MESSAGES)
        .map((message) => `${indent}[${neutralize(message.level, 20)}] ${neutralize(message.text, 300)}`);
    const more = Math.max(0, messages.length - LOGGED_MESSAGES) + omitted;
    if (more > 0)
        lines.push(`${indent}... ${more} more ${more === 1 ? 'message' : 'messages'}`);
    return lines;
}
/**
 * The lines inside the poll's group: every step (as many as were kept) and its first
 * messages. Bounded whatever the service sends.
 */
function stepLines(snapshot) {
    const lines = [];
    for (const step of snapshot.steps) {
        lines.push(`${stepIcon(step.status)} ${stepBrief(step)}`);
        lines.push(...messageLines(step.messages, step.omittedMessages ?? 0, '    '));
    }
    const omitted = snapshot.omittedSteps ?? 0;
    if (omitted > 0)
        lines.push(`... ${omitted} more ${omitted === 1 ? 'step' : 'steps'}, not kept`);
    lines.push(...messageLines(snapshot.messages, snapshot.omittedMessages ?? 0, ''));
    if (lines.length === 0)
        lines.push('(no publishing steps reported)');
    return lines;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/runner.ts
/**
 * The action's side of the runner protocol: inputs from the environment, log lines, workflow commands
 * on stdout (`::name key=value::message`) and the `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY` files.
 *
 * It replaces `@actions/core`, whose entry statically imports its OIDC client and, through
 * `@actions/http-client`, undici: about 100 ms of start-up on Node 24 for features this action does not
 * use. The protocol is as GitHub documents it
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands) and as
 * `@actions/core` 3.0 writes it (`lib/command.js`, `lib/file-command.js`, `lib/utils.js`,
 * `lib/summary.js`), byte for byte where the action uses it; the names and signatures are core's, so
 * that code written against core reads the same. Differences, all deliberate:
 * - A command whose properties are all empty is written `::error::m`, not core's `::error ::m`.
 * - The summary file's path is looked up on every write instead of being cached after the first.
 * - Only what the action needs: no exportVariable, addPath, state, echo, group(fn) or getIDToken.
 */




/** The process exit codes of an action, as core's `ExitCode` enum. */
const ExitCode = { Success: 0, Failure: 1 };
// ---------------------------------------------------------------------------------------------------
// Inputs
/**
 * The value of an input: the runner passes `with: { some-name: x }` as the environment variable
 * `INPUT_SOME-NAME` (spaces become `_`, hyphens stay). Trimmed unless `trimWhitespace` is false; an
 * input that is not set reads as ''.
 */
function getInput(name, options) {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options?.required && !value)
        throw new Error(`Input required and not supplied: ${name}`);
    return options?.trimWhitespace === false ? value : value.trim();
}
// ---------------------------------------------------------------------------------------------------
// Workflow commands
/** A value as text for a command or a file: '' for null and undefined, JSON for anything not a string. */
function toCommandValue(input) {
    if (input === null || input === undefined)
        return '';
    if (typeof input === 'string')
        return input;
    if (input instanceof String)
        return input.toString();
    return JSON.stringify(input);
}
/**
 * A command's message: the runner reads one command a line and decodes `%25`, `%0D` and `%0A`, so a
 * message with line breaks stays one command. `::` inside a message needs nothing: the runner ends the
 * command's name and properties at the first `::` after the name.
 */
function escapeData(value) {
    return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A property's value: as a message, and `:` and `,` too, which end a value in `key=value,key=value::`. */
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/**
 * `::command key=value,key=value::message`, one line. Properties with an empty value (undefined, '', 0)
 * are left out, as core leaves them out.
 */
function formatCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, value]) => Boolean(value))
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    return `::${command || 'missing.command'}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
function issueCommand(command, properties, message) {
    process.stdout.write(formatCommand(command, properties, message) + external_node_os_namespaceObject.EOL);
}
/** A line of the log, as it is: no escaping, so never pass text that could start with `::` unchecked. */
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
/** A line shown only when step debug logging is on. */
function debug(message) {
    issueCommand('debug', {}, message);
}
/** The runner's property names for an annotation's place (`line`, `col`, not core's option names). */
function annotationProperties(properties) {
    return {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn
    };
}
function annotate(level, message, properties) {
    issueCommand(level, annotationProperties(properties), message instanceof Error ? message.toString() : message);
}
/** An error annotation (an `Error` is written as its `toString()`, `Error: message`). */
function runner_error(message, properties = {}) {
    annotate('error', message, properties);
}
/** A warning annotation. */
function warning(message, properties = {}) {
    annotate('warning', message, properties);
}
/** A notice annotation. */
function notice(message, properties = {}) {
    annotate('notice', message, properties);
}
/** Fails the step: an error annotation, and exit code 1 when the process ends. */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    runner_error(message);
}
/** Masks `secret` in every later line of the log (`::add-mask::`). */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/** Starts a foldable group of log lines, ended by `endGroup`. */
function startGroup(name) {
    issueCommand('group', {}, name);
}
function endGroup() {
    issueCommand('endgroup', {}, '');
}
// ---------------------------------------------------------------------------------------------------
// Outputs
/**
 * One `name<<delimiter` heredoc entry of a file command, with a fresh random delimiter
 * (`ghadelimiter_<uuid>`). A name or value that contains the delimiter would end the entry early and
 * let the rest set other outputs, so it is refused; with a random UUID that cannot happen by accident.
 */
function keyValueMessage(name, value) {
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    const text = toCommandValue(value);
    if (name.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (text.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${text}${external_node_os_namespaceObject.EOL}${delimiter}`;
}
/**
 * Sets an output (a non-string is written as JSON). On a runner, appended to the `GITHUB_OUTPUT`
 * file, which must exist; without `GITHUB_OUTPUT` (an old runner, or a run outside Actions), the
 * deprecated `::set-output::` command, after an empty line, as core writes it.
 */
function setOutput(name, value) {
    const path = process.env.GITHUB_OUTPUT || '';
    if (path) {
        if (!(0,external_node_fs_namespaceObject.existsSync)(path))
            throw new Error(`Missing file at path: ${path}`);
        (0,external_node_fs_namespaceObject.appendFileSync)(path, keyValueMessage(name, value) + external_node_os_namespaceObject.EOL, { encoding: 'utf8' });
        return;
    }
    process.stdout.write(external_node_os_namespaceObject.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
// ---------------------------------------------------------------------------------------------------
// Job summary
/**
 * The job summary: Markdown collected with `addRaw` and written to the `GITHUB_STEP_SUMMARY` file by
 * `write`, appended unless `overwrite`, as core's `summary` does. The file must exist and be readable
 * and writable (the runner creates it for each step); `write` rejects otherwise, and when the variable
 * is not set. The collected text is cleared only once written, as in core.
 */
class Summary {
    #buffer = '';
    /** Adds text as it is; with `addEOL`, a line break after it. */
    addRaw(text, addEOL = false) {
        this.#buffer += addEOL ? text + external_node_os_namespaceObject.EOL : text;
        return this;
    }
    /** The text collected and not yet written. */
    stringify() {
        return this.#buffer;
    }
    /** Drops the text collected, without writing it. */
    emptyBuffer() {
        this.#buffer = '';
        return this;
    }
    async write(options) {
        const path = process.env.GITHUB_STEP_SUMMARY;
        if (!path) {
            throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
        }
        try {
            await (0,promises_namespaceObject.access)(path, external_node_fs_namespaceObject.constants.R_OK | external_node_fs_namespaceObject.constants.W_OK);
        }
        catch {
            throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`);
        }
        await (options?.overwrite ? promises_namespaceObject.writeFile : promises_namespaceObject.appendFile)(path, this.#buffer, { encoding: 'utf8' });
        return this.emptyBuffer();
    }
}
/** The step's summary, as core's `summary`. */
const summary = new Summary();

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/state.ts
/**
 * The state a check leaves for the next one (the `state-file` input): for each watched item (an offer
 * or a configure job, per API) what the last check saw, so that a scheduled check can say what changed
 * since, carry when a step was first seen in progress across checks, and keep a history that spans them.
 *
 * The file is versioned JSON, written compact with its keys in a fixed order:
 *
 * ```json
 * {"version":1,"items":{"cpp:offer:contoso/vm-offer":{"status":"Running",
 *   "statusChangedAt":"2026-11-25T10:00:00Z","checkedAt":"2026-11-25T13:00:00Z","outcome":"in-progress",
 *   "steps":[{"id":"displaycertify","status":"InProgress","firstSeenInProgress":"2026-11-25T10:00:00Z"}],
 *   "history":[{"at":"2026-11-25T10:00:00Z","to":"Running"}],"historyOmitted":0}}}
 * ```
 *
 * It holds statuses, step IDs and times only: no labels, messages, links or anything a request sent
 * or received besides those, every string neutralised and capped. Reading it never throws: a file that
 * is missing, empty, unreadable, too large, not JSON, of another version or of the wrong shape gives
 * one warning and the check proceeds as a first check for whatever could not be read, keeping every
 * item it could (one file can serve several steps). Writing it keeps it within
 * {@link STATE_BUDGET_BYTES}, whatever the portfolio.
 *
 * Pure apart from {@link readStateFile} and {@link writeStateFile}, the I/O edge. Which path they get
 * is the caller's business: the input is relative to the workspace, and the caller resolves it and
 * checks that it stays inside (symbolic links of its directories included) before calling them.
 */







/** The version this module reads and writes; a file of another version is read as no state. */
const STATE_VERSION = 1;
/** A larger file is refused before it is parsed (four times what is ever written). */
const MAX_STATE_FILE_BYTES = 4 * 1024 * 1024;
/** Items read from one file; the rest are ignored (with the warning). */
const MAX_STATE_ITEMS = 5_000;
/** What {@link nextState} keeps the serialized state within: 1 MiB, about 1,000 offers with some history. */
const STATE_BUDGET_BYTES = 1024 * 1024;
/** History kept per item: the first and the last half of this many changes; the rest are counted. */
const MAX_STATE_HISTORY = 40;
/** Steps kept per item (a real offer has about ten). */
const MAX_STATE_STEPS = 50;
/** Characters kept of a status or a step ID. */
const MAX_STATE_TEXT = 100;
/** Characters kept of an item's key. */
const MAX_STATE_KEY = 300;
/** An item no check has looked at for this long, and not watched by this one, is dropped. */
const UNRELATED_TTL_MS = 90 * 24 * 60 * 60 * 1000;
/** Deeper JSON than this is refused before it is parsed (a state file nests five deep). */
const MAX_STATE_DEPTH = 16;
function emptyState() {
    return { version: STATE_VERSION, items: new Map() };
}
/**
 * The key of a watched item: `cpp:offer:contoso/vm-offer` (CPP offers are named with their
 * publisher), `pi:offer:vm-offer`, `pi:job:<jobId>`. The ID is lower-cased (the APIs' IDs are not
 * case-sensitive), neutralised and capped, so the same item always gets the same key.
 */
function stateKey(item) {
    return cleanKey(`${item.api}:${item.kind}:${item.id.slice(0, MAX_STATE_KEY * 2).toLowerCase()}`);
}
const cleanKey = (key) => neutralize(key, MAX_STATE_KEY);
const clean = (text) => neutralize(text, MAX_STATE_TEXT);
// ---------------------------------------------------------------------------------------------
// Times
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
/** 9999-12-31T23:59:59Z: the last time with a four-digit year. */
const LAST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59);
/** `ms` as ISO 8601 to the second (`2026-11-25T10:00:00Z`); a time out of range counts as `fallback`. */
function isoTime(ms, fallback) {
    const at = Number.isFinite(ms) && ms >= 0 && ms <= LAST_TIME ? ms : Math.min(Math.max(fallback, 0), LAST_TIME);
    return new Date(Math.floor(at / 1000) * 1000).toISOString().slice(0, 19) + 'Z';
}
/**
 * A time read from a file: ISO 8601 in UTC, to the second or millisecond, from 2017 (no publishing
 * step started before the API existed) to 9999; the caller bounds it by the time of reading.
 */
function readTime(value) {
    if (typeof value !== 'string' || value.length > 24 || !ISO_SECONDS.test(value))
        return undefined;
    const at = Date.parse(value);
    return Number.isFinite(at) && at >= EARLIEST_PLAUSIBLE ? isoTime(at, at) : undefined;
}
/** How far a file's times may be ahead of the clock that reads them (clocks differ a little). */
const CLOCK_SKEW_MS = 10 * 60_000;
function seenOf(check, now) {
    const at = Number.isFinite(check.at) ? check.at : now;
    // The first read: as said, else the watch's first recorded change (its first look records the status).
    let firstRead = check.firstReadAt !== undefined && Number.isFinite(check.firstReadAt) ? check.firstReadAt : at;
    for (const change of check.history ?? [])
        if (change.at < firstRead)
            firstRead = change.at;
    firstRead = Math.min(firstRead, at);
    const steps = [];
    const ids = new Set();
    for (const step of check.steps) {
        if (steps.length === MAX_STATE_STEPS)
            break;
        const id = clean(step.id);
        if (ids.has(id))
            continue;
        ids.add(id);
        steps.push({ id, raw: step.id, name: clean(step.name ?? step.id), status: clean(step.status) });
    }
    const run = [];
    for (const change of check.history ?? []) {
        const entry = { at: Number.isFinite(change.at) ? Math.min(change.at, at) : at, to: clean(change.to) };
        if (change.subject !== 'offer')
            entry.step = clean(change.subject);
        if (change.from !== undefined)
            entry.from = clean(change.from);
        run.push(entry);
    }
    return { at, firstRead, status: clean(check.status), steps, run };
}
/**
 * The changes since `previous` that this check saw, in time order, each `from` the one before's `to`:
 * those the watch recorded, with what it could not see (before its first read, or dropped from its
 * history) filled in, at the first read when the watch never saw the subject change, else at the last.
 * A first check records the status only (its steps have nothing to be compared with).
 */
function changeChain(previous, seen) {
    const first = previous === undefined;
    let status = previous?.status;
    const steps = new Map(previous?.steps.map((s) => [s.id, s.status]));
    const observed = new Set();
    const entries = [];
    const known = (step) => (step === undefined ? status : steps.get(step));
    const learn = (step, value) => {
        if (step === undefined)
            status = value;
        else
            steps.set(step, value);
    };
    const push = (at, step, from, to) => {
        const entry = { at, to };
        if (step !== undefined)
            entry.step = step;
        if (from !== undefined)
            entry.from = from;
        // A first check's steps are not changes: they are only learnt.
        if (!(first && step !== undefined && from === undefined))
            entries.push(entry);
    };
    for (const change of seen.run) {
        const before = known(change.step);
        if (change.from !== undefined && change.from !== before) {
            push(observed.has(change.step) ? change.at : seen.firstRead, change.step, before, change.from);
            learn(change.step, change.from);
        }
        const from = known(change.step);
        if (change.to !== from)
            push(change.at, change.step, from, change.to);
        learn(change.step, change.to);
        observed.add(change.step);
    }
    const finalAt = (step) => (observed.has(step) ? seen.at : seen.firstRead);
    if (seen.status !== status)
        push(finalAt(undefined), undefined, status, seen.status);
    for (const step of seen.steps) {
        const before = steps.get(step.id);
        if (step.status !== before)
            push(finalAt(step.id), step.id, before, step.status);
    }
    // Each subject's entries are already in time order; a stable sort merges them.
    return entries.sort((a, b) => a.at - b.at);
}
/**
 * When `step` (the status when undefined) reached the value it has now: its last change in the chain
 * (which always ends at that value), else the first read.
 */
function reachedAt(chain, step, seen) {
    for (let i = chain.length - 1; i >= 0; i--) {
        const entry = chain[i];
        if (entry !== undefined && entry.step === step)
            return entry.at;
    }
    return seen.firstRead;
}
/**
 * What changed for one item since `previous`, what the last check saw of it (undefined: none did).
 * A first check reports one change, the status with no `from` (so `changed` is true), and lists no
 * steps, as the watch's own first look does; the summary shows them. Later, every step whose status
 * differs is reported (a new step with no `from`); a step gone from the answer is not. A status that
 * went away and came back between two checks is no change. `firstSeen` is when this check first saw
 * the new value: when the watch saw it change, else its first read.
 */
function changesSince(previous, check, now = check.at) {
    const seen = seenOf(check, now);
    const chain = changeChain(previous, seen);
    const key = cleanKey(check.key);
    const item = neutralize(check.label, MAX_STATE_KEY);
    const changes = [];
    const add = (what, step, from) => {
        const to = step ? step.status : seen.status;
        const firstSeen = isoTime(reachedAt(chain, step?.id, seen), now);
        const change = step
            ? { key, item, what, step: step.id, name: step.name, to, firstSeen }
            : { key, item, what, to, firstSeen };
        if (from !== undefined)
            change.from = from;
        changes.push(change);
    };
    if (previous?.status !== seen.status)
        add('status', undefined, previous?.status);
    if (!previous)
        return changes;
    const before = new Map(previous.steps.map((s) => [s.id, s.status]));
    for (const step of seen.steps) {
        const from = before.get(step.id);
        if (from !== step.status)
            add('step', step, from);
    }
    return changes;
}
/** Appends `entry`, keeping the first and the last `max / 2` entries and counting those between. */
function append(item, entry, max) {
    item.history.push(entry);
    if (item.history.length > max) {
        item.history.splice(max / 2, 1);
        item.historyOmitted = Math.min(item.historyOmitted + 1, Number.MAX_SAFE_INTEGER);
    }
}
function nextItem(previous, check, now) {
    const seen = seenOf(check, now);
    const chain = changeChain(previous, seen);
    const iso = (ms) => isoTime(ms, now);
    const item = {
        status: seen.status,
        statusChangedAt: previous?.statusChangedAt ?? iso(seen.firstRead),
        checkedAt: iso(seen.at),
        outcome: OUTCOMES.includes(check.outcome) ? check.outcome : 'unknown',
        steps: [],
        history: previous ? [...previous.history] : [],
        historyOmitted: previous?.historyOmitted ?? 0
    };
    for (const entry of chain) {
        const kept = { at: iso(entry.at), to: entry.to };
        if (entry.step !== undefined)
            kept.step = entry.step;
        if (entry.from !== undefined)
            kept.from = entry.from;
        append(item, kept, MAX_STATE_HISTORY);
        if (entry.step === undefined)
            item.statusChangedAt = kept.at;
    }
    const before = new Map(previous?.steps.map((s) => [s.id, s]));
    for (const step of seen.steps) {
        const kept = { id: step.id, status: step.status };
        if (isStatus(step.status, 'InProgress')) {
            kept.firstSeenInProgress = iso(firstSeenInProgressOf(step, before.get(step.id), chain, check, seen));
        }
        item.steps.push(kept);
    }
    return item;
}
/**
 * When a step in progress was first seen so: the earliest of what the last check left (if the step
 * was in progress then and did not leave that status since, as far as this check saw) and what the
 * watch remembered; failing both, when this check first saw it in progress.
 */
function firstSeenInProgressOf(step, before, chain, check, seen) {
    const candidates = [];
    const left = chain.some((e) => e.step === step.id && e.from !== undefined && isStatus(e.from, 'InProgress'));
    if (before?.firstSeenInProgress && isStatus(before.status, 'InProgress') && !left) {
        candidates.push(Date.parse(before.firstSeenInProgress));
    }
    const remembered = check.firstSeenInProgress?.get(step.raw);
    if (remembered !== undefined && Number.isFinite(remembered))
        candidates.push(remembered);
    if (candidates.length === 0)
        candidates.push(reachedAt(chain, step.id, seen));
    return Math.min(...candidates, seen.at);
}
/** The first-seen-in-progress times of an item's steps (step ID to epoch ms), to seed stuck detection. */
function firstSeenInProgress(item) {
    const seen = new Map();
    for (const step of item?.steps ?? []) {
        if (step.firstSeenInProgress && isStatus(step.status, 'InProgress')) {
            seen.set(step.id, Date.parse(step.firstSeenInProgress));
        }
    }
    return seen;
}
/**
 * The state to leave for the next check: the checked items updated (a later check of the same key
 * wins), the items this check did not watch kept as they were (unless no check looked at them for
 * {@link UNRELATED_TTL_MS}), the whole within `maxBytes` and {@link MAX_STATE_ITEMS} items. To fit,
 * history is cut first, evenly (each item keeps its first and last changes), the unrelated items'
 * before the watched ones', since an item's statuses are what make `changed` right; only when statuses
 * do not fit are items dropped, unrelated ones first (once a watched item is down to its first and last
 * two changes), the oldest checked first. `now` (epoch ms) is when the state is written.
 */
function nextState(previous, checks, now, options = {}) {
    const watched = new Set([...checks.map((c) => cleanKey(c.key)), ...(options.unread ?? []).map(cleanKey)]);
    const items = new Map();
    const expired = [];
    for (const [key, item] of previous.items) {
        if (!watched.has(key) && Date.parse(item.checkedAt) < now - UNRELATED_TTL_MS)
            expired.push(key);
        else
            items.set(key, item);
    }
    for (const check of checks) {
        const key = cleanKey(check.key);
        items.set(key, nextItem(previous.items.get(key), check, now));
    }
    const bounded = bound(items, watched, options.maxBytes ?? STATE_BUDGET_BYTES);
    const result = {
        state: { version: STATE_VERSION, items: bounded.items },
        dropped: bounded.dropped,
        expired
    };
    if (bounded.historyKept !== undefined)
        result.historyKept = bounded.historyKept;
    return result;
}
/** `item` with at most `max` history entries: its first `max / 2` (rounded down) and its last ones. */
function cutHistory(item, max) {
    if (item.history.length <= max)
        return item;
    const head = Math.floor(max / 2);
    const tail = max - head;
    return {
        ...item,
        history: [...item.history.slice(0, head), ...item.history.slice(item.history.length - tail)],
        historyOmitted: Math.min(item.historyOmitted + item.history.length - max, Number.MAX_SAFE_INTEGER)
    };
}
const HEADER = `{"version":${STATE_VERSION},"items":{}}\n`;
/** The bytes an item takes in the file, with the comma that separates it from the next. */
const entryBytes = (key, item) => Buffer.byteLength(JSON.stringify(key)) + 1 + Buffer.byteLength(itemJson(item)) + 1;
/** History a watched item keeps before an unrelated item is dropped for room: its first and last two changes. */
const MIN_WATCHED_HISTORY = 4;
/**
 * `items` within `maxBytes` and {@link MAX_STATE_ITEMS}, losing, in this order, what matters least:
 * the history of items this check does not watch (another check's to show), as much of the watched
 * items' history as it takes down to {@link MIN_WATCHED_HISTORY}, unrelated items (the oldest checked
 * first), then the rest of the watched items' history, and last watched items (the oldest first).
 * `historyKept` is the most history entries each watched item kept, when that had to be cut.
 */
function bound(items, watched, maxBytes) {
    const header = Buffer.byteLength(HEADER) - 1;
    const capOf = (key, mine, others) => (watched.has(key) ? mine : others);
    const totalAt = (mine, others) => {
        let total = header;
        for (const [key, item] of items)
            total += entryBytes(key, cutHistory(item, capOf(key, mine, others)));
        return total;
    };
    const fits = (mine, others) => items.size <= MAX_STATE_ITEMS && totalAt(mine, others) <= maxBytes;
    const dropped = [];
    if (fits(MAX_STATE_HISTORY, MAX_STATE_HISTORY))
        return { items, dropped };
    /** The largest cap in [low, high] with `fits(cap)`, given that `fits(low)` holds. */
    const largest = (low, high, fitsAt) => {
        if (fitsAt(high))
            return high;
        while (high - low > 1) {
            const middle = Math.floor((low + high) / 2);
            if (fitsAt(middle))
                low = middle;
            else
                high = middle;
        }
        return low;
    };
    /**
     * Drops items this check watches (`related`) or not, the oldest checked first, until the whole fits
     * with the watched items' history cut to `mine` and the others' to none. Each item is sized once.
     */
    const dropUntilFit = (related, mine) => {
        const sizes = new Map();
        let total = header;
        for (const [key, item] of items) {
            const size = entryBytes(key, cutHistory(item, capOf(key, mine, 0)));
            sizes.set(key, size);
            total += size;
        }
        const order = [...items]
            .filter(([key]) => watched.has(key) === related)
            .sort(([a, x], [b, y]) => {
            const checked = compare(x.checkedAt, y.checkedAt);
            return checked !== 0 ? checked : compare(a, b);
        })
            .map(([key]) => key);
        for (const key of order) {
            if (items.size <= MAX_STATE_ITEMS && total <= maxBytes)
                break;
            total -= sizes.get(key) ?? 0;
            items.delete(key);
            dropped.push(key);
        }
    };
    const finish = (mine, others) => {
        for (const [key, item] of items)
            items.set(key, cutHistory(item, capOf(key, mine, others)));
        return mine < MAX_STATE_HISTORY ? { items, dropped, historyKept: mine } : { items, dropped };
    };
    // The items this check does not watch lose their history first, as little of it as will do.
    if (fits(MAX_STATE_HISTORY, 0)) {
        return finish(MAX_STATE_HISTORY, largest(0, MAX_STATE_HISTORY, (cap) => fits(MAX_STATE_HISTORY, cap)));
    }
    // Then the watched items' history, down to its first and last changes; then unrelated items go.
    if (!fits(MIN_WATCHED_HISTORY, 0))
        dropUntilFit(false, MIN_WATCHED_HISTORY);
    if (fits(MIN_WATCHED_HISTORY, 0)) {
        return finish(largest(MIN_WATCHED_HISTORY, MAX_STATE_HISTORY, (cap) => fits(cap, 0)), 0);
    }
    // Last, the watched items' remaining history, and watched items themselves, the oldest first.
    if (!fits(0, 0))
        dropUntilFit(true, 0);
    return finish(largest(0, MIN_WATCHED_HISTORY, (cap) => fits(cap, 0)), 0);
}
/** Code-unit order, the same in every locale. */
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
// ---------------------------------------------------------------------------------------------
// Serializing and parsing
function itemJson(item) {
    return JSON.stringify({
        status: item.status,
        statusChangedAt: item.statusChangedAt,
        checkedAt: item.checkedAt,
        outcome: item.outcome,
        steps: item.steps.map((s) => s.firstSeenInProgress === undefined
            ? { id: s.id, status: s.status }
            : { id: s.id, status: s.status, firstSeenInProgress: s.firstSeenInProgress }),
        history: item.history.map((e) => ({
            at: e.at,
            ...(e.step === undefined ? {} : { step: e.step }),
            ...(e.from === undefined ? {} : { from: e.from }),
            to: e.to
        })),
        historyOmitted: item.historyOmitted
    });
}
/**
 * The file's text: compact JSON (indenting would add a third to its size), items sorted by key and
 * each item's fields in a fixed order, so the same state is always the same bytes; a final newline.
 */
function serializeState(state) {
    const entries = [...state.items].sort(([a], [b]) => compare(a, b));
    const items = entries.map(([key, item]) => `${JSON.stringify(key)}:${itemJson(item)}`);
    return `{"version":${STATE_VERSION},"items":{${items.join(',')}}}\n`;
}
/** Whether `text` nests arrays and objects deeper than `max` (one linear pass, strings skipped). */
function nestsDeeperThan(text, max) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (inString) {
            if (code === 0x5c /* \ */)
                i++;
            else if (code === 0x22 /* " */)
                inString = false;
        }
        else if (code === 0x22)
            inString = true;
        else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
            if (++depth > max)
                return true;
        }
        else if (code === 0x7d /* } */ || code === 0x5d /* ] */)
            depth--;
    }
    return false;
}
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An own property only: nothing is read from a prototype. */
const field = (record, name) => Object.hasOwn(record, name) ? record[name] : undefined;
function readText(value) {
    return typeof value === 'string' && value.length <= MAX_STATE_TEXT ? clean(value) : undefined;
}
const describeValue = (value) => value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
function readStep(value, checkedAt) {
    if (!isRecord(value))
        return 'a step is not an object';
    const id = readText(field(value, 'id'));
    const status = readStatus(field(value, 'status'));
    if (id === undefined || status === undefined)
        return 'a step has no valid id or status';
    const step = { id, status };
    const since = field(value, 'firstSeenInProgress');
    if (since !== undefined) {
        const at = readTime(since);
        if (at === undefined || at > checkedAt)
            return `step ${id} has an invalid firstSeenInProgress`;
        step.firstSeenInProgress = at;
    }
    return step;
}
/** A status read from a file, in the canonical case the watch reports it in (so case alone is no change). */
function readStatus(value) {
    const text = readText(value);
    return text === undefined ? undefined : canonicalStatus(text) || undefined;
}
function readEntry(value, checkedAt) {
    const invalid = 'a history entry is invalid';
    if (!isRecord(value))
        return invalid;
    const at = readTime(field(value, 'at'));
    const to = readText(field(value, 'to'));
    if (at === undefined || to === undefined || at > checkedAt)
        return invalid;
    const entry = { at, to };
    for (const name of ['step', 'from']) {
        const raw = field(value, name);
        if (raw === undefined)
            continue;
        const text = readText(raw);
        if (text === undefined)
            return invalid;
        entry[name] = text;
    }
    return entry;
}
/**
 * An item as written by {@link serializeState}, or why it is not one. Its times are ordered (nothing
 * after the check that wrote it) and that check is not later than `latest` (ISO, the time of reading
 * and a little skew): a file dated ahead could otherwise pin a step's start, or outlive every clean-up.
 */
function readItem(value, latest) {
    if (!isRecord(value))
        return `it is ${describeValue(value)}, not an object`;
    const status = readStatus(field(value, 'status'));
    if (status === undefined)
        return 'it has no valid status';
    const statusChangedAt = readTime(field(value, 'statusChangedAt'));
    const checkedAt = readTime(field(value, 'checkedAt'));
    if (statusChangedAt === undefined || checkedAt === undefined)
        return 'it has no valid statusChangedAt or checkedAt';
    if (checkedAt > latest || statusChangedAt > checkedAt)
        return 'its times are later than the check that wrote it';
    const outcome = OUTCOMES.find((o) => o === field(value, 'outcome'));
    if (outcome === undefined)
        return 'it has no valid outcome';
    const rawSteps = field(value, 'steps');
    if (!Array.isArray(rawSteps) || rawSteps.length > MAX_STATE_STEPS)
        return 'its steps are not a list of steps';
    const rawHistory = field(value, 'history');
    if (!Array.isArray(rawHistory) || rawHistory.length > MAX_STATE_HISTORY)
        return 'its history is not a list';
    const omitted = field(value, 'historyOmitted');
    if (typeof omitted !== 'number' || !Number.isSafeInteger(omitted) || omitted < 0) {
        return 'its historyOmitted is not a count';
    }
    const item = {
        status,
        statusChangedAt,
        checkedAt,
        outcome,
        steps: [],
        history: [],
        historyOmitted: omitted
    };
    const ids = new Set();
    for (const raw of rawSteps) {
        const step = readStep(raw, checkedAt);
        if (typeof step === 'string')
            return step;
        if (ids.has(step.id))
            return `step ${step.id} is there twice`;
        ids.add(step.id);
        item.steps.push(step);
    }
    for (const raw of rawHistory) {
        const entry = readEntry(raw, checkedAt);
        if (typeof entry === 'string')
            return entry;
        item.history.push(entry);
    }
    return item;
}
const MiB = (bytes) => `${(bytes / (1024 * 1024)).toLocaleString('en-US')} MiB`;
/** `n` and the word that goes with it: `one` for 1, else `many` (`one` alone: always that word). */
const count = (n, one, many = one) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
/**
 * The state in a state file's text (`source` names the file in the warning). Never throws: whatever
 * cannot be read is left out, with one warning sentence naming the file and the problem, and the
 * check proceeds as a first check for it. Items of the wrong shape are dropped one by one, the others
 * kept; a file of another version is read as empty (the next write replaces it with this version).
 * Bounded: a file over {@link MAX_STATE_FILE_BYTES} or nested deeper than a state file is refused
 * before it is parsed; {@link MAX_STATE_ITEMS} items are read at most; strings are capped.
 */
function parseState(file, source, now = Date.now()) {
    const name = neutralize(source, 200);
    const fail = (problem, what) => ({
        state: emptyState(),
        warning: `The state file ${name} ${what}, so this check starts as a first check.`,
        problem
    });
    const read = file === undefined ? { missing: true } : typeof file === 'string' ? { text: file } : file;
    if ('missing' in read)
        return fail('missing', 'does not exist');
    if ('error' in read)
        return fail('unreadable', `could not be read (${neutralize(read.error, 200)})`);
    const { text } = read;
    // UTF-16 code units never outnumber UTF-8 bytes: the length is a cheap first check.
    if (text.length > MAX_STATE_FILE_BYTES || Buffer.byteLength(text) > MAX_STATE_FILE_BYTES) {
        return fail('too-large', `is larger than ${MiB(MAX_STATE_FILE_BYTES)}`);
    }
    if (text.trim() === '')
        return fail('empty', 'is empty');
    if (nestsDeeperThan(text, MAX_STATE_DEPTH))
        return fail('too-deep', 'nests deeper than a state file does');
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return fail('not-json', 'is not valid JSON');
    }
    if (!isRecord(json))
        return fail('not-an-object', `holds ${describeValue(json)}, not a JSON object`);
    const version = field(json, 'version');
    if (version !== STATE_VERSION) {
        const said = typeof version === 'number' ? `version ${version}` : version === undefined ? 'no version' : 'an invalid version';
        return fail('unknown-version', `has ${said}, and this action reads version ${STATE_VERSION}`);
    }
    const rawItems = field(json, 'items');
    if (!isRecord(rawItems))
        return fail('no-items', 'has no items object');
    const state = emptyState();
    const latest = isoTime(now + CLOCK_SKEW_MS, now);
    const keys = Object.keys(rawItems);
    /** Why each item that could not be read was not: the first is said, the others counted. */
    const bad = [];
    for (const key of keys.slice(0, MAX_STATE_ITEMS)) {
        const item = cleanKey(key) === key ? readItem(field(rawItems, key), latest) : 'its key is not valid';
        if (typeof item === 'string')
            bad.push(`${JSON.stringify(neutralize(key, 80))}: ${item}`);
        else
            state.items.set(key, item);
    }
    const problems = [];
    if (keys.length > MAX_STATE_ITEMS) {
        problems.push(`holds ${count(keys.length, 'items')}, of which only the first ${count(MAX_STATE_ITEMS, 'are')} read`);
    }
    if (bad.length > 0)
        problems.push(`has ${count(bad.length, 'item', 'items')} of the wrong shape (${bad[0] ?? ''})`);
    if (problems.length === 0)
        return { state };
    const kept = state.items.size === 0
        ? 'no other item is left'
        : `its other ${count(state.items.size, 'item is', 'items are')} kept`;
    return {
        state,
        warning: `The state file ${name} ${problems.join(' and ')}: those start as first checks, and ${kept}.`,
        problem: 'items'
    };
}
// ---------------------------------------------------------------------------------------------
// The I/O edge
const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL } = external_node_fs_namespaceObject.constants;
/** A flag Windows does not have (there is nothing to ask for there): 0 where it is missing. */
function optionalFlag(name) {
    const value = Reflect.get(external_node_fs_namespaceObject.constants, name);
    return typeof value === 'number' ? value : 0;
}
const O_NOFOLLOW = optionalFlag('O_NOFOLLOW');
const O_NONBLOCK = optionalFlag('O_NONBLOCK');
/**
 * A property of a thrown value. Duck-typed: an error from another realm (a test's sandbox, say) is no
 * `instanceof Error` here.
 */
const property = (thrown, name) => typeof thrown === 'object' && thrown !== null ? Reflect.get(thrown, name) : undefined;
function describeError(error) {
    const code = property(error, 'code');
    if (code === 'ELOOP')
        return 'it is a symbolic link, which is not followed';
    if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA')
        return 'it is not UTF-8 text';
    const message = property(error, 'message');
    const text = typeof message === 'string' ? message : String(error);
    // Node's own messages start with their code (`ENOENT: no such file ...`); a bare one gets it.
    return typeof code === 'string' && !text.startsWith(code) ? `${code}: ${text}` : text;
}
/**
 * Reads a state file, at most {@link MAX_STATE_FILE_BYTES}: its text, `missing` when it does not
 * exist, or an error saying why not. Never throws. A symbolic link is not followed and anything but a
 * regular file (a directory, a FIFO, a device) is refused without reading from it, so a planted path
 * can neither leak another file into the log nor hang the read. Text must be UTF-8 (a BOM is dropped).
 */
function readStateFile(path) {
    let fd;
    try {
        // Where open cannot refuse a link itself (Windows), it is refused before opening.
        if (O_NOFOLLOW === 0 && external_node_fs_namespaceObject.lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
            return { error: 'it is a symbolic link, which is not followed' };
        }
        fd = external_node_fs_namespaceObject.openSync(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
        const stat = external_node_fs_namespaceObject.fstatSync(fd);
        if (!stat.isFile())
            return { error: 'it is not a regular file' };
        if (stat.size > MAX_STATE_FILE_BYTES)
            return { error: `it is larger than ${MiB(MAX_STATE_FILE_BYTES)}` };
        // One byte more than the file's size, to notice a file that grows while it is read.
        const buffer = Buffer.alloc(stat.size + 1);
        let length = 0;
        while (length < buffer.length) {
            const n = external_node_fs_namespaceObject.readSync(fd, buffer, length, buffer.length - length, null);
            if (n === 0)
                break;
            length += n;
        }
        if (length > stat.size)
            return { error: 'it changed while it was read' };
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length)) };
    }
    catch (error) {
        return property(error, 'code') === 'ENOENT' ? { missing: true } : { error: describeError(error) };
    }
    finally {
        if (fd !== undefined)
            external_node_fs_namespaceObject.closeSync(fd);
    }
}
/**
 * Writes the state file atomically: the text goes to a new temporary file in the same directory
 * (created exclusively, never through an existing file or link), is flushed to disk, and is renamed
 * over `path`, so a reader sees the old file or the new one, never part of one. The directory is
 * created when missing. A symbolic link at `path` is replaced, not followed. Never throws: on failure
 * the temporary file is removed, `path` is left as it was, and the error says why.
 */
function writeStateFile(path, text, fs = external_node_fs_namespaceObject) {
    const dir = (0,external_node_path_namespaceObject.dirname)(path);
    const temp = (0,external_node_path_namespaceObject.join)(dir, `.${(0,external_node_path_namespaceObject.basename)(path).slice(0, 100)}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.tmp`);
    let fd;
    let created = false;
    try {
        fs.mkdirSync(dir, { recursive: true });
        fd = fs.openSync(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644);
        created = true;
        const bytes = Buffer.from(text, 'utf8');
        for (let written = 0; written < bytes.length;) {
            const n = fs.writeSync(fd, bytes, written, bytes.length - written);
            if (n <= 0)
                throw new Error('the disk took no more bytes');
            written += n;
        }
        fs.fsyncSync(fd);
        const open = fd;
        fd = undefined;
        fs.closeSync(open);
        fs.renameSync(temp, path);
        created = false;
        return { ok: true };
    }
    catch (error) {
        return { error: describeError(error) };
    }
    finally {
        if (fd !== undefined) {
            const open = fd;
            ignoreErrors(() => {
                fs.closeSync(open);
            });
        }
        if (created) {
            ignoreErrors(() => {
                fs.unlinkSync(temp);
            });
        }
    }
}
function ignoreErrors(action) {
    try {
        action();
    }
    catch {
        // Cleaning up after a failure that is already reported.
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/locales/en.js

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = parsedType(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`;
                return `Invalid option: expected one of ${joinValues(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${joinValues(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
/* harmony default export */ function en() {
    return {
        localeError: error(),
    };
}

;// CONCATENATED MODULE: ./src/sources/cpp-schema.ts
/**
 * The Cloud Partner Portal's status answer, parsed leniently with zod into the action's snapshot:
 * statuses are compared case-insensitively and shown in canonical PascalCase, an unknown status is
 * kept as it came, unknown fields are ignored and missing optional fields tolerated. Remote-sized
 * arrays are sliced to the limits, never walked whole.
 *
 * Written on `zod/mini` (the functional, tree-shakeable API of the same package): about half the
 * start-up cost of the classic `zod` API. It loads no locale, so the one error shown, the offer's, is
 * worded with the English locale passed to that parse ({@link OFFER_ERRORS}), as classic zod words it.
 */






/** Anything that does not fit `schema` reads as absent. */
function lenient(schema) {
    return schemas_catch(optional(schema), undefined);
}
/** A short text field: a string or number, capped. */
const cpp_schema_text = lenient(pipe(union([schemas_string(), schemas_number()]), transform((v) => truncate(String(v), MAX_FIELD_CHARS))));
/** Raw HTML of a message: capped again by {@link htmlToText}, which scans a bounded prefix. */
const html = lenient(schemas_string());
/**
 * A number, or a short numeric string, clamped to 0..100; nothing else is converted (an array could
 * be nested deep), and what is not a finite number reads as absent.
 */
const percentage = lenient(pipe(union([schemas_number(), schemas_string().check(_maxLength(40))]), transform((v) => {
    const n = Number(v);
    return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : undefined;
})));
const messageSchema = looseObject({
    messageHtml: html,
    message: html,
    level: cpp_schema_text,
    timestamp: cpp_schema_text
});
/** Messages that fail to parse are dropped, not fatal: they are decoration. */
function parseMessages(value) {
    const { items, omitted } = firstItems(value, MAX_MESSAGES);
    const messages = items.flatMap((item) => {
        const parsed = messageSchema.safeParse(item);
        if (!parsed.success)
            return [];
        const plain = htmlToText(parsed.data.messageHtml ?? parsed.data.message ?? '', MAX_MESSAGE_CHARS);
        if (plain === '')
            return [];
        const message = { text: plain, level: parsed.data.level?.trim() || 'info' };
        if (parsed.data.timestamp)
            message.timestamp = parsed.data.timestamp;
        return [message];
    });
    return { messages, omitted };
}
const stepSchema = looseObject({
    id: cpp_schema_text,
    stepName: cpp_schema_text,
    description: cpp_schema_text,
    status: cpp_schema_text,
    estimatedTimeFrame: cpp_schema_text,
    progressPercentage: percentage,
    processPercentage: percentage
});
/** The offer's status: a string, trimmed, not blank, capped. */
const offerSchema = looseObject({
    status: pipe(schemas_string().check(_trim(), _minLength(1)), transform((v) => truncate(v, MAX_FIELD_CHARS)))
});
/** Words the offer's issues, e.g. `Invalid input: expected string, received number`. */
const OFFER_ERRORS = { error: en().localeError };
function toStep(raw, rawMessages, index) {
    const id = raw.id?.trim() || raw.stepName?.trim() || `step-${index + 1}`;
    const step = {
        id,
        name: raw.stepName?.trim() || id,
        description: raw.description?.trim() ?? '',
        status: canonicalStatus(raw.status ?? '') || 'Unknown',
        messages: []
    };
    const { messages, omitted } = parseMessages(rawMessages);
    step.messages = messages;
    if (omitted > 0)
        step.omittedMessages = omitted;
    const progress = raw.progressPercentage ?? raw.processPercentage;
    if (progress !== undefined)
        step.progress = progress;
    const estimate = raw.estimatedTimeFrame?.trim();
    if (estimate)
        step.estimatedTimeFrame = estimate;
    return step;
}
/** Parse a status response body (already JSON-decoded). Fails only when there is no offer status. */
function parseOfferStatus(body) {
    const parsed = offerSchema.safeParse(body, OFFER_ERRORS);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? issue.path.join('.') : 'body';
        return { ok: false, reason: `not an offer status (${where}: ${issue?.message ?? 'invalid'})` };
    }
    const raw = body;
    const { items, omitted } = firstItems(raw.steps, MAX_STEPS);
    const steps = items.flatMap((item, index) => {
        const step = stepSchema.safeParse(item);
        const messages = typeof item === 'object' && item !== null ? item.messages : undefined;
        return step.success ? [toStep(step.data, messages, index)] : [];
    });
    const offerMessages = parseMessages(raw.messages);
    const snapshot = {
        status: canonicalStatus(parsed.data.status),
        steps,
        messages: offerMessages.messages
    };
    if (omitted > 0)
        snapshot.omittedSteps = omitted;
    if (offerMessages.omitted > 0)
        snapshot.omittedMessages = offerMessages.omitted;
    // `previewLinks` and `liveLinks`: lists of `{ displayText, uri }`; the first link `links.ts` trusts.
    const links = {};
    const preview = firstTrustedLink(raw.previewLinks);
    const live = firstTrustedLink(raw.liveLinks);
    if (preview)
        links.preview = preview;
    if (live)
        links.live = live;
    if (preview || live)
        snapshot.links = links;
    return { ok: true, snapshot };
}

;// CONCATENATED MODULE: ./src/sources/request.ts



/**
 * An answer's body as JSON, or undefined when it is not JSON. A leading byte order mark is no reason
 * to refuse an answer (the HTTP port drops it; another port might not).
 */
function jsonOf(body) {
    try {
        return { value: JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body) };
    }
    catch {
        return undefined;
    }
}
function isTransientStatus(status) {
    return status === 408 || status === 429 || status >= 500;
}
async function authorisedGet(url, profile, ports, { timeoutMs, signal }) {
    const { credentials, now } = ports;
    const until = now() + timeoutMs;
    const left = () => Math.max(1, until - now());
    let renewed = false;
    for (;;) {
        const credential = await credentials.token({ timeoutMs: left(), signal, renew: renewed });
        if (credential.kind === 'fatal')
            return { ...credential, signIn: true };
        if (credential.kind !== 'ok')
            return credential;
        ports.debug?.(`GET ${neutralize(url, 2_100)}`);
        let response;
        const requestMs = left();
        try {
            response = await ports.http.send({
                url,
                headers: { Authorization: `Bearer ${credential.token}`, Accept: 'application/json' },
                timeoutMs: requestMs,
                signal
            });
        }
        catch (error) {
            return failureOutcome(error, requestMs);
        }
        const { status } = response;
        if (status >= 200 && status < 300)
            return { kind: 'answer', response };
        if (status >= 300 && status < 400) {
            // The HTTP port refuses redirects itself; this is for any other port.
            return { kind: 'fatal', httpStatus: status, reason: `HTTP ${status}: a redirect, which the action never follows` };
        }
        const detail = profile.describeError(response.body);
        const said = detail ? ` (${detail})` : '';
        if (isTransientStatus(status)) {
            const outcome = { kind: 'transient', reason: `HTTP ${status}${said}` };
            const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now());
            if (retryAfterMs !== undefined)
                outcome.retryAfterMs = retryAfterMs;
            return outcome;
        }
        if (status === 401 && credentials.renewable && !renewed) {
            // The token may have expired early or been revoked: one new token, one more try, at once.
            renewed = true;
            ports.log?.(`The API answered HTTP 401${said}: renewing the token and trying again.`);
            continue;
        }
        if (status === 401) {
            const hint = renewed ? `a second 401 in a row, with a new token: ${profile.appHint}` : profile.tokenHint;
            return { kind: 'fatal', httpStatus: status, reason: `HTTP 401${said}: ${hint}` };
        }
        let hint = profile.hints[status] ?? 'the API refused the request';
        if (status === 403 && credentials.renewable)
            hint = profile.appHint;
        return { kind: 'fatal', httpStatus: status, reason: `HTTP ${status}${said}: ${hint}` };
    }
}

;// CONCATENATED MODULE: ./src/sources/cpp.ts





const CPP_RESOURCE = 'https://cloudpartner.azure.com';
const CPP_API_VERSION = '2017-10-31';
/** The pace when `interval` is empty. */
const CPP_INTERVAL_MS = 30_000;
/** The status URL; each ID is one encoded path segment, so nothing in it can change the path. */
function statusUrl(baseUrl, apiVersion, publisherId, offerId) {
    const root = withoutTrailingSlashes(baseUrl);
    const publisher = encodeURIComponent(publisherId);
    const offer = encodeURIComponent(offerId);
    return `${root}/api/publishers/${publisher}/offers/${offer}/status?api-version=${encodeURIComponent(apiVersion)}`;
}
/** The `{"error":{"code","message"}}` of a failed response, as one safe line; empty when there is none. */
function describeApiError(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return neutralize(body.slice(0, 1_000), 200);
    }
    const root = (parsed ?? {});
    const error = (typeof root.error === 'object' && root.error !== null ? root.error : root);
    const code = typeof error.code === 'string' ? error.code : '';
    const message = typeof error.message === 'string' ? error.message : typeof root.message === 'string' ? root.message : '';
    return neutralize([code.slice(0, 1_000), message.slice(0, 2_000)].filter(Boolean).join(': '), 500);
}
function tokenHint(audience) {
    const get = `get one with: az account get-access-token --resource ${CPP_RESOURCE}`;
    if (audience && withoutTrailingSlashes(audience).toLowerCase() !== CPP_RESOURCE) {
        return `the token is for ${audience}, not for ${CPP_RESOURCE}, which the Cloud Partner Portal needs (${get})`;
    }
    return `the token expired or is not for ${CPP_RESOURCE} (${get})`;
}
const APP_HINT = 'the app signed in, but the API refused it: add the app to the Partner Center account ' +
    '(Account settings, User management, Microsoft Entra applications) with a role for this publisher';
const HINTS = {
    400: 'the API refused the request: check api-version and the IDs',
    403: 'the identity lacks access to this publisher: add it to the Partner Center account',
    404: 'check publisher-id and offer-id: no such publisher or offer'
};
/** How the CPP API fails, for the shared request. */
function cppProfile(tokenAudience) {
    return { describeError: describeApiError, tokenHint: tokenHint(tokenAudience), appHint: APP_HINT, hints: HINTS };
}
function createCppSource(options) {
    const url = statusUrl(options.baseUrl, options.apiVersion, options.publisherId, options.offerId);
    const profile = cppProfile(options.tokenAudience);
    return {
        id: options.offerId,
        label: `${options.publisherId}/${options.offerId}`,
        key: stateKey({ api: 'cpp', kind: 'offer', id: `${options.publisherId}/${options.offerId}` }),
        intervalMs: CPP_INTERVAL_MS,
        async read({ timeoutMs, signal }) {
            const result = await authorisedGet(url, profile, options, { timeoutMs, signal });
            if (result.kind !== 'answer')
                return result;
            return parseBody(result.response.status, result.response.body);
        }
    };
}
function parseBody(status, body) {
    const json = jsonOf(body);
    if (!json)
        return { kind: 'transient', reason: `HTTP ${status} with a body that is not JSON` };
    const parsed = parseOfferStatus(json.value);
    return parsed.ok
        ? { kind: 'ok', snapshot: parsed.snapshot }
        : { kind: 'transient', reason: `HTTP ${status} with a body that is ${parsed.reason}` };
}

;// CONCATENATED MODULE: ./src/sources/ingestion-schema.ts
/**
 * Partner Center's Product Ingestion (PI) API answers, parsed leniently into the action's snapshot.
 * Pure functions, no I/O. Remote text is untrusted: every property name and enumeration is compared
 * case-insensitively (`jobId`/`jobID`, `Completed`), an unknown value is kept as it came, arrays are
 * sliced with {@link firstItems} and never spread, strings are capped, nothing nested is converted
 * with `String()`/`Number()` (`typeof` first), nested errors are walked with a bounded explicit
 * stack, and no regular expression runs over remote text longer than a few dozen characters.
 * Parsing never throws: a body of the wrong shape is `{ ok: false, reason: 'not a … (…)' }`.
 *
 * PI has no publishing steps (no validate/certification/packaging rows, no estimates, no progress):
 * it reports one submission per target (`draft`, `preview`, `live`), each with `status`
 * (notStarted|running|completed), `result` (pending|succeeded|failed) and `created`, and, for a job
 * the caller started, `configure/<jobId>/status`. The rows below are what this module makes of them.
 * Recordings are in `__tests__/fixtures/pi-recordings/` ([R] real body, [D] Microsoft doc sample,
 * [S] hand-written peer fixture, [L] legacy Partner Center v1, [T] this module's own tests only).
 *
 * | Input | Mapping | Backed by |
 * | --- | --- | --- |
 * | product list `value[0].id` `product/<guid>` | `productId` = last path segment (`[A-Za-z0-9_-]`, else refused) | [D] product-list-shape-with-nextLink, [L] products-filter-by-externalId*.json (bare GUID) |
 * | product list `value: []` | `productId` undefined (offer not found) | [T] (peers: empty value = not found) |
 * | `@nextLink` / `nextLink` (any case) | returned raw, capped at 2,000 chars | [D] product-list-shape-with-nextLink, [L] products-list-first-page-with-nextLink |
 * | submission `target.targetType`, `status`, `result` | lower-cased, capped | [D] submission-list-all-targets, [S] azure-img-utils-submissions-preview-running |
 * | submission `id` `submission/<guid>/<n>` | `submissionId` = `<n>` | [D] submission-list-all-targets |
 * | draft entry (id `…/0`, no status) | kept in the list, ignored by the snapshot | [D] submission-list-all-targets |
 * | only a draft, or nothing | offer `NeverPublished`, every step `NotStarted` | [D] draft entry of submission-list-all-targets, [T] |
 * | any preview/live `notStarted`/`running` | offer `Running`; step `NotStarted`/`InProgress` (+ `limitMs`) | [S] azure-img-utils-submissions-preview-running |
 * | newest preview/live (by `created`) `completed`/`failed` | offer `Failed`; its step `Rejected` | [T] (azure-img-utils maps preview failed → failed) |
 * | current (newest) preview `completed`/`succeeded`, id ≠ live id (or no live) | offer `WaitingForPublisherReview`; preview `Complete`, sign-off `WaitingForPublisherReview` | [D] submission-list-all-targets (preview newer, ids differ) |
 * | live `completed`/`succeeded`, no newer preview (or preview id = live id) | offer `Succeeded`; live `Complete`, sign-off `Complete` | [T] (cloudpub `_is_submission_in_preview`) |
 * | two live entries (new version going live) | the newest by `created` is the live row | [T] (azure-img-utils two-live rule) |
 * | a failed entry with a newer preview/live entry after it (a failed go-live, then a new preview) | history: its row shows the newest entry of its target that is not such a failure | [T] |
 * | no readable `created` | older than any dated entry; on a tie, live before preview, then list order | [S] azure-img-utils-submissions-preview-running (no `created`), [T] |
 * | anything else: an unknown status or result, `completed`/`pending` (see {@link offerStatus}) | offer `Running`; the row keeps the raw value (`completed`/`pending` → `InProgress`, no status → `Unknown`) | [T] |
 * | job `jobStatus` notStarted / running | offer `Running`; step `NotStarted` / `InProgress` | [D] configure-status-notStarted, configure-status-on-submit-jobID-casing, configure-status-running-2022-07-01 |
 * | job completed + succeeded / failed / cancelled | `Succeeded`/`Complete`, `Failed`/`Rejected`, `Canceled`/`Canceled` | [D] configure-status-succeeded-with-resourceUri, [R] configure-status-failed-badRequest-cannot-delete-published-image, [D] configure-status-failed-Conflict, [D] configure-status-cancelled |
 * | job completed + pending or no result | offer `Running`, step `InProgress` (the result is not in yet) | [T] |
 * | job completed + another result / another jobStatus | kept as it came (never read as a final status) | [T] |
 * | `jobID` / `jobId` | `jobId`, step `configure-job` named `Configure job <jobId>` | [D] configure-status-on-submit-jobID-casing, [R] configure-status-failed-… |
 * | `jobStart` / `jobEnd` (a date from 1970 on; year 0001 is "not ended"; end read only once completed) | one info message `Started …, ended …`, timestamp = jobStart | [R] configure-status-failed-…, [D] configure-status-notStarted (0001 end, malformed start) |
 * | job `errors[]` | one offer-level `error` message per entry: `code: message (resource r) / detail / …` | [R] configure-status-failed-…, [S] cloudpub-configure-status-errors-conflict |
 * | `invalidState` + "certification" anywhere in an entry | the entry's message ends with {@link CERTIFICATION_HINT} | [S] cloudpub-configure-status-errors-certification-failure |
 * | error envelope `{"error":{code,message,details}}` | `code: message (detailCode: detailMessage)` | [R] http-400-badRequest-schema-could-not-be-accessed, [D] http-400-cancel-not-allowed, [S] cloudpub-http-400-configure-schema-validation |
 */



/** Submissions kept of one page (a product has a handful of active ones: draft, preview, one or two live). */
const MAX_SUBMISSIONS = 100;
/** Characters kept of a `@nextLink`. */
const MAX_NEXT_LINK_CHARS = 2_000;
/** Levels of nested `details` read below a job error entry (the entry itself is level 0). */
const MAX_ERROR_DEPTH = 5;
/** Nested details read per job error entry, all levels together. */
const MAX_ERROR_DETAILS = 20;
/** Keys of one object looked through for a property whose name differs from the expected one only in case. */
const MAX_KEYS_SCANNED = 200;
/** Appended to a job error that reports a failed certification. */
const CERTIFICATION_HINT = " This is a certification failure: the certification report is in Partner Center (the offer's page) and sent to the account's contacts by email.";
function ingestion_schema_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Property `name` of `record`, matched exactly or else case-insensitively among its first
 * {@link MAX_KEYS_SCANNED} keys.
 */
function ingestion_schema_field(record, name) {
    if (Object.hasOwn(record, name))
        return record[name];
    const wanted = name.toLowerCase();
    let scanned = 0;
    for (const key in record) {
        if (++scanned > MAX_KEYS_SCANNED)
            break;
        if (key.length === wanted.length && key.toLowerCase() === wanted && Object.hasOwn(record, key))
            return record[key];
    }
    return undefined;
}
/** A string (trimmed) or finite number as text, capped; undefined for anything else or blank. */
function ingestion_schema_text(value, max = MAX_FIELD_CHARS) {
    let raw;
    if (typeof value === 'string')
        raw = value.trim();
    else if (typeof value === 'number' && Number.isFinite(value))
        raw = String(value);
    else
        return undefined;
    return raw === '' ? undefined : truncate(raw, max);
}
/** {@link text}, lower-cased: an enumeration value to compare. */
function word(value) {
    return ingestion_schema_text(value)?.toLowerCase();
}
function lastSegment(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/** `2022-01-25T07:13:06.4408032Z`, with optional seconds, fraction and offset, or a bare date. */
const ingestion_schema_ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;
/**
 * An ISO 8601 date or date-time as a time (no offset means UTC), when every part is in range and it
 * is from 1970 on; undefined otherwise. Reads at most 40 characters.
 */
function ingestion_schema_isoTime(value) {
    if (value === undefined || value.length > 40)
        return undefined;
    const match = ingestion_schema_ISO_8601.exec(value);
    if (!match)
        return undefined;
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = Number(s);
    // Years before 1970 are placeholders, and Date.UTC would read 0001 to 0099 as 1901 to 1999.
    if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
        return undefined;
    if (day > new Date(Date.UTC(year, month, 0)).getUTCDate())
        return undefined;
    const ms = fraction === '' ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
    let offset = 0;
    if (zone !== 'Z' && zone !== 'z') {
        const digits = zone.replace(':', '');
        const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
        offset = (zone.startsWith('-') ? -1 : 1) * minutes * 60_000;
    }
    return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
}
/** `@nextLink` (or `nextLink`), in any case, as sent and capped; undefined when absent or blank. */
function nextLinkOf(record) {
    for (const name of ['@nextLink', 'nextLink']) {
        const value = ingestion_schema_field(record, name);
        if (typeof value === 'string' && value.trim() !== '')
            return truncate(value, MAX_NEXT_LINK_CHARS);
    }
    return undefined;
}
/** The array `value` of a collection answer, or why there is none. */
function collection(body, what) {
    if (!ingestion_schema_isRecord(body))
        return { reason: `not ${what} (the body is not an object)` };
    const value = ingestion_schema_field(body, 'value');
    if (value === undefined)
        return { reason: `not ${what} (value is missing)` };
    if (!Array.isArray(value))
        return { reason: `not ${what} (value is not an array)` };
    return { value, record: body };
}
// ---------------------------------------------------------------------------------------------
// GET product?externalId=
/** What a product ID may hold: it goes into a URL path (`submission/<guid>`), so no `/`, `.` or `%`. */
const PRODUCT_ID = /^[A-Za-z0-9_-]{1,100}$/;
/** `GET product?externalId=` answer: `value[0].id` ("product/<guid>") as the bare guid; undefined when value is empty. */
function parseProductList(body) {
    const list = collection(body, 'a product list');
    if ('reason' in list)
        return { ok: false, reason: list.reason };
    const nextLink = nextLinkOf(list.record);
    const result = { ok: true };
    if (nextLink !== undefined)
        result.nextLink = nextLink;
    if (list.value.length === 0)
        return result;
    const first = list.value[0];
    if (!ingestion_schema_isRecord(first))
        return { ok: false, reason: 'not a product list (value[0] is not an object)' };
    const id = ingestion_schema_text(ingestion_schema_field(first, 'id'));
    if (id === undefined)
        return { ok: false, reason: 'not a product list (value[0].id is missing)' };
    const productId = lastSegment(id);
    if (!PRODUCT_ID.test(productId))
        return { ok: false, reason: 'not a product list (value[0].id is not a product ID)' };
    result.productId = productId;
    return result;
}
// ---------------------------------------------------------------------------------------------
// GET submission/<guid>
function toSubmission(item) {
    if (!ingestion_schema_isRecord(item))
        return undefined;
    const rawTarget = ingestion_schema_field(item, 'target');
    // `target` is `{ "targetType": "preview" }`; a bare string is read too.
    const target = ingestion_schema_isRecord(rawTarget) ? word(ingestion_schema_field(rawTarget, 'targetType')) : word(rawTarget);
    if (target === undefined)
        return undefined;
    const id = ingestion_schema_text(ingestion_schema_field(item, 'id')) ?? '';
    const submission = { id, submissionId: lastSegment(id), target };
    const status = word(ingestion_schema_field(item, 'status'));
    if (status !== undefined)
        submission.status = status;
    const result = word(ingestion_schema_field(item, 'result'));
    if (result !== undefined)
        submission.result = result;
    const created = ingestion_schema_text(ingestion_schema_field(item, 'created'));
    if (created !== undefined) {
        submission.created = created;
        const createdMs = ingestion_schema_isoTime(created);
        if (createdMs !== undefined)
            submission.createdMs = createdMs;
    }
    return submission;
}
/**
 * `GET submission/<guid>` answer: the entries (draft kept, the caller's mapping ignores it), `@nextLink`
 * if any, and how many were dropped past a cap. An entry that is not an object or has no target type
 * is skipped (it could not be placed in any row).
 */
function parseSubmissionList(body) {
    const list = collection(body, 'a submission list');
    if ('reason' in list)
        return { ok: false, reason: list.reason };
    const { items, omitted } = firstItems(list.value, MAX_SUBMISSIONS);
    const submissions = [];
    for (const item of items) {
        const submission = toSubmission(item);
        if (submission)
            submissions.push(submission);
    }
    const result = {
        ok: true,
        submissions,
        omitted
    };
    const nextLink = nextLinkOf(list.record);
    if (nextLink !== undefined)
        result.nextLink = nextLink;
    return result;
}
function phaseOf(submission) {
    switch (submission.status) {
        case 'notstarted':
            return 'queued';
        case 'running':
            return 'running';
        case 'completed':
            return submission.result === 'succeeded' ? 'succeeded' : submission.result === 'failed' ? 'failed' : 'other';
        default:
            return 'other';
    }
}
/**
 * Whether `a` is newer than `b`: a later `created`; an entry without a readable `created` is older
 * than any with one; on a tie a live entry is newer than a preview (going live follows the preview),
 * then the later in the list.
 */
function newer(a, b) {
    const at = a.submission.createdMs ?? -Infinity;
    const bt = b.submission.createdMs ?? -Infinity;
    if (at !== bt)
        return at > bt;
    if (a.submission.target !== b.submission.target)
        return a.submission.target === 'live';
    return a.index > b.index;
}
/** The same durable ID (case-insensitively); entries without an ID are never the same. */
function sameSubmission(a, b) {
    return a.submission.id !== '' && a.submission.id.toLowerCase() === b.submission.id.toLowerCase();
}
/**
 * The current entry of `target`: the newest one, except that a failed entry with a newer preview or
 * live entry after it (a failed go-live followed by a new preview) is history, so the newest one
 * that is not such a failure.
 */
function currentOf(entries, target, newest) {
    let current;
    for (const entry of entries) {
        if (entry.submission.target !== target)
            continue;
        if (entry.phase === 'failed' && entry !== newest)
            continue;
        if (!current || newer(entry, current))
            current = entry;
    }
    return current;
}
/** The step status of a preview or live submission; an unknown status or result is kept as it came. */
function submissionStepStatus(entry) {
    switch (entry.phase) {
        case 'queued':
            return 'NotStarted';
        case 'running':
            return 'InProgress';
        case 'succeeded':
            return 'Complete';
        case 'failed':
            return 'Rejected';
        case 'other': {
            const { status, result } = entry.submission;
            if (status === undefined)
                return 'Unknown';
            if (status !== 'completed')
                return canonicalStatus(status);
            // Completed without a result yet (`pending`) is still under way; `cancelled` reads as Canceled.
            return result === undefined || result === 'pending' ? 'InProgress' : canonicalStatus(result);
        }
    }
}
function submissionMessage(submission) {
    const name = submission.submissionId || '(no ID)';
    const when = submission.created === undefined ? '' : `, created ${submission.created}`;
    const message = { text: neutralize(`Submission ${name}${when}`, MAX_MESSAGE_CHARS), level: 'info' };
    if (submission.created !== undefined)
        message.timestamp = submission.created;
    return message;
}
function targetStep(id, name, entry, stuckAfterMs) {
    const step = {
        id,
        name,
        description: '',
        status: entry ? submissionStepStatus(entry) : 'NotStarted',
        messages: entry ? [submissionMessage(entry.submission)] : []
    };
    if (isStatus(step.status, 'InProgress'))
        step.limitMs = stuckAfterMs;
    return step;
}
/**
 * The offer status, rule by rule (the first that holds):
 * 1. no preview or live entry (only a draft, or nothing): `NeverPublished`;
 * 2. any preview or live entry `notStarted`/`running`: `Running`;
 * 3. the newest preview or live entry `completed`/`failed`: `Failed`;
 * 4. the current preview `completed`/`succeeded` and not live (no live, or another ID, unless a
 *    succeeded live is newer than it): `WaitingForPublisherReview`;
 * 5. the current live `completed`/`succeeded` with no newer preview (or the preview is that live):
 *    `Succeeded`;
 * 6. anything else: `Running`. That covers a status or result outside the documented enumerations
 *    (`completed`/`pending`, `queued`, a missing status) and combinations the documentation does not
 *    describe (a newer preview that is neither running, failed nor succeeded). None of them is known to
 *    be final, so the action keeps watching (the rows show the raw value) and its timeout ends the
 *    wait; an unknown value is never read as Succeeded, Failed or Canceled.
 */
function offerStatus(entries, newest, preview, live, previewAwaitsSignoff) {
    if (!newest)
        return 'NeverPublished';
    if (entries.some((e) => e.phase === 'queued' || e.phase === 'running'))
        return 'Running';
    if (newest.phase === 'failed')
        return 'Failed';
    if (previewAwaitsSignoff)
        return 'WaitingForPublisherReview';
    if (live?.phase === 'succeeded' && (!preview || sameSubmission(preview, live) || !newer(preview, live))) {
        return 'Succeeded';
    }
    return 'Running';
}
/**
 * Submissions (all pages) to the action's snapshot: the offer status (see {@link offerStatus}) and
 * three rows, `preview`, `publisher-signoff` and `live`. Draft entries and unknown targets are
 * ignored. Linear in the number of submissions.
 */
function submissionSnapshot(submissions, options) {
    const entries = [];
    submissions.forEach((submission, index) => {
        if (submission.target === 'preview' || submission.target === 'live') {
            entries.push({ submission, index, phase: phaseOf(submission) });
        }
    });
    let newest;
    for (const entry of entries)
        if (!newest || newer(entry, newest))
            newest = entry;
    const preview = newest && currentOf(entries, 'preview', newest);
    const live = newest && currentOf(entries, 'live', newest);
    const previewAwaitsSignoff = preview?.phase === 'succeeded' &&
        !(live && (sameSubmission(preview, live) || (live.phase === 'succeeded' && newer(live, preview))));
    // Signed off once a live entry carries the preview, is newer than it, or stands alone.
    const signedOff = live !== undefined && (!preview || sameSubmission(preview, live) || newer(live, preview));
    const signoff = {
        id: 'publisher-signoff',
        name: 'Publisher sign-off',
        description: '',
        status: previewAwaitsSignoff ? 'WaitingForPublisherReview' : signedOff ? 'Complete' : 'NotStarted',
        messages: []
    };
    return {
        status: offerStatus(entries, newest, preview, live, previewAwaitsSignoff),
        steps: [
            targetStep('preview', 'Preview', preview, options.stuckAfterMs),
            signoff,
            targetStep('live', 'Live', live, options.stuckAfterMs)
        ],
        messages: []
    };
}
// ---------------------------------------------------------------------------------------------
// GET configure/<jobId>/status
/** A resource reference: a durable ID, or `{ resourceName }` / `{ externalId }`. */
function resourceText(value) {
    if (!ingestion_schema_isRecord(value))
        return ingestion_schema_text(value);
    return ingestion_schema_text(ingestion_schema_field(value, 'resourceName')) ?? ingestion_schema_text(ingestion_schema_field(value, 'externalId'));
}
/** `code: message (resource r)` of one error object; '' when it has none of them. */
function errorPart(code, message, resource) {
    const head = [code, message].filter((part) => part !== undefined).join(': ');
    return resource === undefined ? head : `${head} (resource ${resource})`.trimStart();
}
function mentionsCertification(code, message) {
    return code?.toLowerCase() === 'invalidstate' && (message?.toLowerCase().includes('certification') ?? false);
}
/**
 * One job error entry and its nested `details`, depth first, as one line joined with ` / ` (` / …`
 * when some were left out), plus {@link CERTIFICATION_HINT} when any of them reports a failed
 * certification. Iterative: at most {@link MAX_ERROR_DEPTH} levels and {@link MAX_ERROR_DETAILS}
 * details are read, however deep or wide the body.
 */
function jobErrorText(entry) {
    const parts = [];
    let certification = false;
    let details = 0;
    let cut = false;
    const stack = [{ node: entry, depth: 0 }];
    for (let top = stack.pop(); top; top = stack.pop()) {
        const { node, depth } = top;
        if (!ingestion_schema_isRecord(node))
            continue;
        if (depth > 0 && ++details > MAX_ERROR_DETAILS) {
            cut = true;
            break;
        }
        const code = ingestion_schema_text(ingestion_schema_field(node, 'code'));
        const message = ingestion_schema_text(ingestion_schema_field(node, 'message'), MAX_MESSAGE_CHARS);
        const part = errorPart(code, message, resourceText(ingestion_schema_field(node, 'resourceId')));
        if (part !== '')
            parts.push(part);
        if (mentionsCertification(code, message))
            certification = true;
        const nested = ingestion_schema_field(node, 'details');
        if (!Array.isArray(nested) || nested.length === 0)
            continue;
        if (depth >= MAX_ERROR_DEPTH) {
            cut = true;
            continue;
        }
        const { items, omitted } = firstItems(nested, MAX_ERROR_DETAILS);
        if (omitted > 0)
            cut = true;
        for (let i = items.length - 1; i >= 0; i--)
            stack.push({ node: items[i], depth: depth + 1 });
    }
    if (cut && parts.length > 0)
        parts.push('…');
    const line = parts.join(' / ');
    if (line === '')
        return '';
    if (!certification)
        return neutralize(line, MAX_MESSAGE_CHARS);
    return neutralize(line, MAX_MESSAGE_CHARS - CERTIFICATION_HINT.length) + CERTIFICATION_HINT;
}
/** The offer status for an unknown job value: kept, unless it would read as a known status (then Running). */
function unknownOfferStatus(raw) {
    const status = canonicalStatus(raw);
    return OFFER_STATUSES.some((known) => known === status) ? 'Running' : status;
}
/** A time as sent (capped), when it is a real date ({@link isoTime}); undefined for a placeholder or anything else. */
function dateText(value) {
    const raw = ingestion_schema_text(value);
    return ingestion_schema_isoTime(raw) === undefined ? undefined : raw;
}
/** Offer status and step status of a job. */
function jobStatuses(jobStatus, rawStatus, rawResult = 'pending') {
    switch (jobStatus) {
        case 'notstarted':
            return ['Running', 'NotStarted'];
        case 'running':
            return ['Running', 'InProgress'];
        case 'completed':
            break;
        default:
            return [unknownOfferStatus(rawStatus), canonicalStatus(rawStatus)];
    }
    switch (rawResult.toLowerCase()) {
        case 'succeeded':
            return ['Succeeded', 'Complete'];
        case 'failed':
            return ['Failed', 'Rejected'];
        case 'cancelled':
        case 'canceled':
            return ['Canceled', 'Canceled'];
        // Completed with no result yet: the result is still to come, keep watching (bounded by limitMs).
        case 'pending':
            return ['Running', 'InProgress'];
        default:
            return [unknownOfferStatus(rawResult), canonicalStatus(rawResult)];
    }
}
/**
 * `GET configure/<jobId>/status` answer to a snapshot: one step `configure-job`, and the job's
 * `errors[]` as offer-level error messages. With `options.stuckAfterMs`, a job in progress gets that
 * `limitMs`. Fails only when there is no `jobStatus`.
 */
function parseJobStatus(body, options = {}) {
    if (!ingestion_schema_isRecord(body))
        return { ok: false, reason: 'not a job status (the body is not an object)' };
    const rawStatus = ingestion_schema_text(ingestion_schema_field(body, 'jobStatus'));
    if (rawStatus === undefined)
        return { ok: false, reason: 'not a job status (jobStatus is missing)' };
    const jobStatus = rawStatus.toLowerCase();
    const jobId = ingestion_schema_text(ingestion_schema_field(body, 'jobId')) ?? '';
    const [status, stepStatus] = jobStatuses(jobStatus, rawStatus, ingestion_schema_text(ingestion_schema_field(body, 'jobResult')));
    const start = dateText(ingestion_schema_field(body, 'jobStart'));
    // An end is read only once the job is completed: before that it is a placeholder (year 0001).
    const end = jobStatus === 'completed' ? dateText(ingestion_schema_field(body, 'jobEnd')) : undefined;
    const when = [];
    if (start !== undefined)
        when.push(`started ${start}`);
    if (end !== undefined)
        when.push(`ended ${end}`);
    const messages = [];
    if (when.length > 0) {
        const line = when.join(', ');
        const message = {
            text: neutralize(line.charAt(0).toUpperCase() + line.slice(1), MAX_MESSAGE_CHARS),
            level: 'info'
        };
        if (start !== undefined)
            message.timestamp = start;
        messages.push(message);
    }
    const step = {
        id: 'configure-job',
        name: jobId === '' ? 'Configure job' : `Configure job ${jobId}`,
        description: '',
        status: stepStatus,
        messages
    };
    if (options.stuckAfterMs !== undefined && isStatus(stepStatus, 'InProgress'))
        step.limitMs = options.stuckAfterMs;
    const rawErrors = ingestion_schema_field(body, 'errors');
    const { items, omitted } = firstItems(ingestion_schema_isRecord(rawErrors) ? [rawErrors] : rawErrors, MAX_MESSAGES);
    const errors = [];
    for (const item of items) {
        const line = jobErrorText(item);
        if (line !== '')
            errors.push({ text: line, level: 'error' });
    }
    const snapshot = { status, steps: [step], messages: errors };
    if (omitted > 0)
        snapshot.omittedMessages = omitted;
    return { ok: true, snapshot, jobId };
}
// ---------------------------------------------------------------------------------------------
// Error envelope
/** `code: message` of an error object; '' when it has neither. */
function codeAndMessage(error) {
    return [ingestion_schema_text(ingestion_schema_field(error, 'code')), ingestion_schema_text(ingestion_schema_field(error, 'message'), MAX_MESSAGE_CHARS)]
        .filter((part) => part !== undefined)
        .join(': ');
}
/**
 * One line for an error envelope body (text as received), `{"error":{"code","message","details":[...]}}`:
 * `code: message (detailCode: detailMessage)` with the first nested detail. A body without the
 * `error` wrapper is read as the error itself; for a body that is not JSON (or a JSON string), its
 * start. '' when there is nothing to say. The line is neutralized and at most 500 characters.
 */
function describeIngestionError(body) {
    const trimmed = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
    let parsed;
    try {
        parsed = JSON.parse(trimmed);
    }
    catch {
        return neutralize(trimmed.slice(0, 1_000), 200);
    }
    if (typeof parsed === 'string')
        return neutralize(parsed.slice(0, 1_000), 200);
    if (!ingestion_schema_isRecord(parsed))
        return '';
    const wrapped = ingestion_schema_field(parsed, 'error');
    const error = ingestion_schema_isRecord(wrapped) ? wrapped : parsed;
    let head = codeAndMessage(error);
    // `{"error": "text"}`
    if (head === '' && typeof wrapped === 'string')
        head = ingestion_schema_text(wrapped, MAX_MESSAGE_CHARS) ?? '';
    const detail = firstItems(ingestion_schema_field(error, 'details'), 1).items[0];
    const inner = ingestion_schema_isRecord(detail) ? codeAndMessage(detail) : '';
    const line = inner === '' ? head : head === '' ? inner : `${head} (${inner})`;
    return neutralize(line, 500);
}

;// CONCATENATED MODULE: ./src/sources/ingestion.ts







const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** Microsoft Graph's own application ID, which some tokens carry as their audience. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const INGESTION_API_VERSION = '2022-07-01';
/** Its docs ask for at most one poll a minute. */
const INGESTION_INTERVAL_MS = 60_000;
/** Pages of submissions followed in one read; a product has a handful of submissions. */
const MAX_PAGES = 5;
const ingestion_APP_HINT = 'the app signed in, but Product Ingestion refused it: add the app to the Partner Center account ' +
    '(Account settings, User management, Microsoft Entra applications) with a role that can read offers';
function ingestion_tokenHint(audience) {
    const get = `get one with: az account get-access-token --resource ${GRAPH_RESOURCE}`;
    if (audience &&
        audience !== GRAPH_RESOURCE &&
        audience !== GRAPH_APP_ID &&
        !audience.startsWith(`${GRAPH_RESOURCE}/`)) {
        return `the token is for ${audience}, not for ${GRAPH_RESOURCE}, which Product Ingestion needs (${get})`;
    }
    return `the token expired or is not for ${GRAPH_RESOURCE} (${get})`;
}
function profile(options, notFound) {
    return {
        describeError: describeIngestionError,
        tokenHint: ingestion_tokenHint(options.tokenAudience),
        appHint: ingestion_APP_HINT,
        hints: {
            400: 'Product Ingestion refused the request: check api-version and the IDs',
            403: 'the identity may not read offers of this account: add the app to the Partner Center account with a role that can read offers',
            404: notFound
        }
    };
}
function root(options) {
    return withoutTrailingSlashes(options.ingestionUrl);
}
function ingestion_version(options) {
    return `$version=${encodeURIComponent(options.apiVersion)}`;
}
/** The time left of a read that must end by `until`. */
const leftUntil = (until, now) => () => Math.max(1, until - now());
/**
 * An offer watched through Product Ingestion. Its product is looked up once; an offer that no
 * product matches fails at once, after one request, with `httpStatus` 404.
 */
function createIngestionOfferSource(offerId, options) {
    const origin = new URL(root(options)).origin;
    const basePath = withoutTrailingSlashes(new URL(root(options)).pathname);
    const notFound = `no product with external ID '${offerId}' is visible to this identity in Product Ingestion: ` +
        'check offer-id, and that the identity belongs to the Partner Center account that owns the offer';
    const api = profile(options, notFound);
    let productId;
    async function resolve(timeoutMs, signal) {
        const url = `${root(options)}/product?externalId=${encodeURIComponent(offerId)}&${ingestion_version(options)}`;
        const got = await authorisedGet(url, api, options, { timeoutMs, signal });
        if (got.kind !== 'answer')
            return got;
        const parsed = parseProductList(jsonOf(got.response.body)?.value);
        if (!parsed.ok)
            return { kind: 'transient', reason: `HTTP ${got.response.status} with a body that is ${parsed.reason}` };
        if (!parsed.productId)
            return { kind: 'fatal', httpStatus: 404, reason: notFound };
        productId = parsed.productId;
        options.log?.(`Offer ${offerId}: Product Ingestion product ${productId}.`);
        return undefined;
    }
    /**
     * The next page's URL; undefined at the end of the list. A relative link is read against
     * `ingestion-url`, as the fact sheet's peers do. A link off the API (another origin, another path,
     * or with user info) is never followed, so that the token stays with `ingestion-url`: that leaves
     * the list incomplete, said as a fatal outcome.
     */
    function nextPage(link) {
        if (!link)
            return {};
        let next;
        try {
            next = new URL(link, `${root(options)}/`);
        }
        catch {
            return { kind: 'fatal', reason: incomplete('its next page link is not a URL') };
        }
        const onApi = next.origin === origin && !next.username && !next.password && next.pathname.startsWith(`${basePath}/`);
        if (onApi)
            return { url: next.href };
        return {
            kind: 'fatal',
            reason: incomplete(`it continues at ${neutralize(next.origin, 100)}${next.origin === origin ? ' outside ingestion-url' : ''}, ` +
                'which the action does not follow, so that the token stays with ingestion-url')
        };
    }
    function incomplete(why) {
        return `the submission list of offer ${offerId} could not be read whole: ${why}`;
    }
    return {
        id: offerId,
        label: offerId,
        key: stateKey({ api: 'pi', kind: 'offer', id: offerId }),
        intervalMs: INGESTION_INTERVAL_MS,
        minIntervalMs: INGESTION_INTERVAL_MS,
        async read({ timeoutMs, signal }) {
            const left = leftUntil(options.now() + timeoutMs, options.now);
            if (productId === undefined) {
                const failed = await resolve(left(), signal);
                if (failed)
                    return failed;
            }
            const submissions = [];
            let url = `${root(options)}/submission/${encodeURIComponent(productId ?? '')}?${ingestion_version(options)}`;
            // A verdict is only taken on the whole list: the newest submission could be on the part not read.
            for (let page = 0; url !== undefined; page++) {
                if (page === MAX_PAGES) {
                    return { kind: 'fatal', reason: incomplete(`it is longer than ${MAX_PAGES} pages`) };
                }
                const got = await authorisedGet(url, api, options, { timeoutMs: left(), signal });
                if (got.kind !== 'answer')
                    return got;
                const parsed = parseSubmissionList(jsonOf(got.response.body)?.value);
                if (!parsed.ok) {
                    return { kind: 'transient', reason: `HTTP ${got.response.status} with a body that is ${parsed.reason}` };
                }
                if (parsed.omitted > 0) {
                    return { kind: 'fatal', reason: incomplete(`a page has more than ${MAX_SUBMISSIONS} submissions`) };
                }
                for (const submission of parsed.submissions)
                    submissions.push(submission);
                const next = nextPage(parsed.nextLink);
                if ('kind' in next)
                    return next;
                url = next.url;
            }
            const snapshot = submissionSnapshot(submissions, { stuckAfterMs: options.stuckAfterMs });
            return { kind: 'ok', snapshot: withOfferPage(snapshot, productId ?? '') };
        }
    };
}
/**
 * Product Ingestion gives no link to a preview or a listing: once the preview is ready (or live), the
 * publisher's next stop is the product's page in Partner Center, built from its durable ID (a GUID).
 */
function withOfferPage(snapshot, productId) {
    const ready = waitsForPublisherReview(snapshot) || isStatus(snapshot.status, 'Succeeded');
    const page = ready ? partnerCenterOfferPage(productId) : undefined;
    return page ? { ...snapshot, links: { preview: page } } : snapshot;
}
/** A configure job (`POST configure` answered with its `jobId`), watched until it ends. */
function createJobSource(jobId, options) {
    const api = profile(options, `check job-id: there is no configure job '${jobId}' for this identity`);
    const url = `${root(options)}/configure/${encodeURIComponent(jobId)}/status?${ingestion_version(options)}`;
    return {
        id: jobId,
        kind: 'job',
        label: `Configure job ${jobId}`,
        key: stateKey({ api: 'pi', kind: 'job', id: jobId }),
        intervalMs: INGESTION_INTERVAL_MS,
        minIntervalMs: INGESTION_INTERVAL_MS,
        async read({ timeoutMs, signal }) {
            const got = await authorisedGet(url, api, options, { timeoutMs, signal });
            if (got.kind !== 'answer')
                return got;
            const parsed = parseJobStatus(jsonOf(got.response.body)?.value, { stuckAfterMs: options.stuckAfterMs });
            if (!parsed.ok) {
                return { kind: 'transient', reason: `HTTP ${got.response.status} with a body that is ${parsed.reason}` };
            }
            // The step is named for the job asked about, whatever ID the answer carries.
            const steps = parsed.snapshot.steps.map((step) => step.id === 'configure-job' ? { ...step, name: `Configure job ${jobId}` } : step);
            return { kind: 'ok', snapshot: { ...parsed.snapshot, steps } };
        }
    };
}

;// CONCATENATED MODULE: ./src/sources/factory.ts





const API_NAMES = {
    'cloud-partner-portal': 'the Cloud Partner Portal',
    'product-ingestion': 'Product Ingestion'
};
/** Which API an audience is for, when it is one of the two. */
function apiOfAudience(audience) {
    if (!audience)
        return undefined;
    const aud = withoutTrailingSlashes(audience).toLowerCase();
    if (aud === GRAPH_RESOURCE || aud === GRAPH_APP_ID)
        return 'product-ingestion';
    if (aud === CPP_RESOURCE)
        return 'cloud-partner-portal';
    return undefined;
}
/** How `auto` routes the offers, and why (one sentence for the log). */
function routeOffers(settings, credentials) {
    if (settings.api !== 'auto')
        return { api: settings.api, fallback: false, why: `api is ${settings.api}` };
    if (credentials.mode === 'token') {
        const byAudience = apiOfAudience(credentials.tokenAudience);
        if (byAudience) {
            return { api: byAudience, fallback: false, why: `the token is for ${credentials.tokenAudience ?? ''}` };
        }
        return settings.publisherId
            ? { api: 'cloud-partner-portal', fallback: false, why: 'the token is no readable JWT and publisher-id is set' }
            : { api: 'product-ingestion', fallback: false, why: 'the token is no readable JWT and publisher-id is empty' };
    }
    return settings.publisherId
        ? {
            api: 'cloud-partner-portal',
            fallback: true,
            why: 'publisher-id is set; an offer the Cloud Partner Portal does not know is looked up in Product Ingestion'
        }
        : { api: 'product-ingestion', fallback: false, why: 'publisher-id is empty' };
}
/**
 * The Cloud Partner Portal first; on its 404, Product Ingestion from then on (said once). Found in
 * neither: one error naming both.
 */
function cppThenIngestion(cpp, ingestion, ports) {
    let current = cpp;
    return {
        id: cpp.id,
        label: cpp.label,
        get key() {
            return current.key;
        },
        ...(ingestion.key ? { aliases: [ingestion.key] } : {}),
        ...(cpp.intervalMs === undefined ? {} : { intervalMs: cpp.intervalMs }),
        async read(options) {
            const until = ports.now() + options.timeoutMs;
            const outcome = await current.read(options);
            if (current !== cpp || outcome.kind !== 'fatal' || outcome.httpStatus !== 404)
                return outcome;
            ports.log?.(`Offer ${cpp.label}: the Cloud Partner Portal does not know it (HTTP 404); looking it up in Product Ingestion.`);
            current = ingestion;
            // The lookup has what is left of this read's time, not a new allowance.
            const found = await ingestion.read({ ...options, timeoutMs: Math.max(1, until - ports.now()) });
            if (found.kind === 'fatal' && found.httpStatus === 404) {
                return {
                    kind: 'fatal',
                    httpStatus: 404,
                    reason: `found in neither API: the Cloud Partner Portal has no offer '${cpp.id}' for this publisher (HTTP 404), ` +
                        `and ${found.reason}`
                };
            }
            return found;
        }
    };
}
/**
 * What the inputs could not judge before the route was known (a token's audience decides it):
 * @throws {InputError} when the Cloud Partner Portal is chosen without a publisher-id, or a
 * sub-second interval would poll a real API.
 */
function checkRoute(settings, route) {
    const offers = settings.offerIds.length > 0;
    if (offers && route.api === 'cloud-partner-portal' && !settings.publisherId) {
        throw new InputError(`Input 'publisher-id' is required for the Cloud Partner Portal API (chosen because ${route.why})`);
    }
    const urls = [
        ...(offers && route.api === 'cloud-partner-portal' ? [settings.baseUrl] : []),
        ...((offers && (route.api === 'product-ingestion' || route.fallback)) || settings.jobIds.length > 0
            ? [settings.ingestionUrl]
            : [])
    ];
    const remote = urls.some((url) => !isLoopbackHost(new URL(url).hostname));
    if (settings.intervalMs !== undefined && settings.intervalMs < MIN_REMOTE_INTERVAL_MS && remote) {
        throw new InputError(`Input 'interval' must be at least ${formatDuration(MIN_REMOTE_INTERVAL_MS)} against a real API ` +
            `(shorter only for loopback test doubles; ${route.why})`);
    }
}
function createSources(settings, credentials, ports) {
    const ingestion = {
        ...ports,
        ingestionUrl: settings.ingestionUrl,
        apiVersion: settings.apiVersion ?? INGESTION_API_VERSION,
        credentials: credentials.forResource(GRAPH_RESOURCE),
        stuckAfterMs: settings.stuckAfterMs,
        ...(credentials.tokenAudience ? { tokenAudience: credentials.tokenAudience } : {})
    };
    const cpp = (offerId) => createCppSource({
        ...ports,
        baseUrl: settings.baseUrl,
        apiVersion: settings.apiVersion ?? CPP_API_VERSION,
        publisherId: settings.publisherId,
        offerId,
        credentials: credentials.forResource(CPP_RESOURCE),
        ...(credentials.tokenAudience ? { tokenAudience: credentials.tokenAudience } : {})
    });
    const notes = [];
    const route = routeOffers(settings, credentials);
    checkRoute(settings, route);
    const sources = settings.offerIds.map((offerId) => {
        if (route.api === 'product-ingestion')
            return createIngestionOfferSource(offerId, ingestion);
        if (!route.fallback)
            return cpp(offerId);
        return cppThenIngestion(cpp(offerId), createIngestionOfferSource(offerId, ingestion), ports);
    });
    if (sources.length > 0) {
        const what = sources.length === 1 ? 'the offer' : `the ${sources.length} offers`;
        notes.push(`Watching ${what} through ${API_NAMES[route.api]}: ${route.why}.`);
    }
    if (settings.jobIds.length > 0) {
        const what = settings.jobIds.length === 1 ? 'the configure job' : `the ${settings.jobIds.length} configure jobs`;
        notes.push(`Watching ${what} through Product Ingestion.`);
    }
    sources.push(...settings.jobIds.map((jobId) => createJobSource(jobId, ingestion)));
    return { sources, notes };
}

;// CONCATENATED MODULE: ./src/since.ts


/**
 * The warning for a state file that holds items, none of them watched here: written for other offers
 * or jobs (or another API), it is kept, and this check starts as a first check. Undefined otherwise.
 */
function unrelatedWarning(state, file, keys) {
    const held = state.items.size;
    if (held === 0 || keys.some((key) => state.items.has(key)))
        return undefined;
    return (`The state file ${neutralize(file, 200)} holds ${held === 1 ? 'one item' : `${held.toLocaleString('en-US')} items`}, ` +
        `none of them what this check watches: ${held === 1 ? 'it is' : 'they are'} kept, and this check starts as a first check.`);
}
/** What the watch loop carries across checks: when each step in progress was first seen so, by item key. */
function carriedFirstSeen(loaded) {
    return (key) => firstSeenInProgress(loaded?.state.items.get(key));
}
/** The item as the state records it, from a watch with at least one good read. */
function checkOf(watch, outcome) {
    const { snapshot, readAt } = watch;
    if (!snapshot || readAt === undefined)
        return undefined;
    const check = {
        key: watch.key,
        label: watch.label,
        at: readAt,
        status: snapshot.status,
        steps: snapshot.steps,
        outcome,
        history: watch.history,
        firstSeenInProgress: watch.firstSeenInProgress
    };
    if (watch.firstReadAt !== undefined)
        check.firstReadAt = watch.firstReadAt;
    return check;
}
/**
 * The changes since the last check and, with a state file (`loaded`), the next state. An item this
 * check could not read changes nothing and is kept as the last check left it; items of the file this
 * check does not watch are kept too (one file can serve several steps), until they are old. Without a
 * state file this check is a first check, and there is no state to leave.
 */
function sinceLastCheck(loaded, watches, outcomes, now, file = loaded?.file ?? '') {
    const previous = loaded?.state ?? emptyState();
    const checks = [];
    const unread = [];
    let lastCheckAt;
    for (const [i, watch] of watches.entries()) {
        const before = previous.items.get(watch.key);
        if (before) {
            const at = Date.parse(before.checkedAt);
            if (Number.isFinite(at) && (lastCheckAt === undefined || at > lastCheckAt))
                lastCheckAt = at;
        }
        const check = checkOf(watch, outcomes[i] ?? 'unknown');
        if (check)
            checks.push(check);
        else
            unread.push(watch.key);
    }
    const changes = checks.flatMap((check) => changesSince(previous.items.get(check.key), check, now));
    const next = loaded ? nextState(previous, checks, now, { unread }) : undefined;
    const histories = new Map();
    for (const watch of watches) {
        const item = next?.state.items.get(watch.key);
        if (item)
            histories.set(watch.key, { history: item.history, historyOmitted: item.historyOmitted });
    }
    const since = { file, changes, now, histories };
    if (lastCheckAt !== undefined)
        since.lastCheckAt = lastCheckAt;
    if (loaded?.warning)
        since.problem = loaded.warning;
    return next ? { since, next } : { since };
}

;// CONCATENATED MODULE: ./src/state-path.ts
/**
 * Where the `state-file` input points: a path relative to the workspace (`GITHUB_WORKSPACE`), which
 * must stay inside it, symbolic links of its directories included, so that a state file can neither
 * read nor overwrite anything the workflow did not put in the workspace. The path itself is judged as
 * written ({@link resolveStatePath}: an input error when it leads outside); the directories on disk when
 * the file is read and written ({@link outsideProblem}: the state is then not used, the check goes on).
 */


/** Whether `path` is `root` or lies under it (both absolute and normalised). */
function inside(root, path) {
    const rel = (0,external_node_path_namespaceObject.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${external_node_path_namespaceObject.sep}`) && rel !== '..' && !(0,external_node_path_namespaceObject.isAbsolute)(rel));
}
/** The real path of the nearest directory of `path` that exists (`path` itself excluded). */
function nearestRealDirectory(path, fs) {
    for (let dir = (0,external_node_path_namespaceObject.dirname)(path);; dir = (0,external_node_path_namespaceObject.dirname)(dir)) {
        try {
            return fs.realpathSync(dir);
        }
        catch {
            // Not there yet: it will be created, inside whatever its nearest existing ancestor is.
        }
        if ((0,external_node_path_namespaceObject.dirname)(dir) === dir)
            return undefined;
    }
}
/**
 * The absolute path of the state file, as written, or why it may not be used (a sentence to follow the
 * input's name): it must name a file inside the workspace.
 */
function resolveStatePath(input, workspace) {
    const root = (0,external_node_path_namespaceObject.resolve)(workspace);
    const path = (0,external_node_path_namespaceObject.resolve)(root, input);
    if (!inside(root, path) || path === root) {
        return { problem: `must be a file inside the workspace ${root} (got '${input}')` };
    }
    return { path };
}
/**
 * Why the directories of `path` (inside `workspace` as written) lead outside the workspace on disk,
 * through a symbolic link, or undefined when they do not. The file and its directories may be missing
 * (they are created when it is written); a symbolic link at the file itself is never followed (see
 * `state.ts`).
 */
function outsideProblem(path, workspace, fs = external_node_fs_namespaceObject) {
    let realRoot;
    try {
        realRoot = fs.realpathSync((0,external_node_path_namespaceObject.resolve)(workspace));
    }
    catch {
        return `the workspace ${(0,external_node_path_namespaceObject.resolve)(workspace)} does not exist`;
    }
    const dir = nearestRealDirectory(path, fs);
    return dir !== undefined && inside(realRoot, dir) ? undefined : 'a directory of its path leads outside the workspace';
}

;// CONCATENATED MODULE: ./src/state-file.ts
/**
 * The state file of scheduled checks at the edge: where the `state-file` input points, reading what the
 * last check left at the start of a check, writing what this one saw at the end, and what the log says
 * of both and of the changes. What changed and what to keep are decided in `since.ts` and `state.ts`.
 */






/** @throws {InputError} when the state file would lie outside the workspace. */
function stateFileOf(settings, workspace) {
    if (settings.stateFile === undefined)
        return undefined;
    const where = resolveStatePath(settings.stateFile, workspace);
    if ('problem' in where)
        throw new InputError(`Input 'state-file' ${where.problem}`);
    return { input: settings.stateFile, workspace, path: where.path };
}
/**
 * What the last check left of the items with these `keys`; never fails: a file that cannot be used, or
 * holds none of them, is one warning and a first check.
 */
function loadState(file, keys, log) {
    // Workspace content (a checked-out branch, a restored cache) can put a link in the path: the state
    // is then neither read nor written, and the check goes on without it.
    const outside = outsideProblem(file.path, file.workspace);
    if (outside) {
        const warning = `The state file ${neutralize(file.input, 200)} is not used (${outside}), ` +
            'so this check starts as a first check and leaves no state.';
        log.warning(warning);
        return { file: file.input, state: emptyState(), warning, unusable: true };
    }
    const parsed = parseState(readStateFile(file.path), file.input);
    const warning = parsed.warning ?? unrelatedWarning(parsed.state, file.input, keys);
    if (warning)
        log.warning(warning);
    const loaded = { file: file.input, state: parsed.state };
    if (warning)
        loaded.warning = warning;
    const items = parsed.state.items.size;
    if (items > 0)
        log.info(`Read the state of the last check: ${items} ${items === 1 ? 'item' : 'items'}.`);
    return loaded;
}
/** Leaves the state for the next check; a failure to is a warning (this check's own report stands). */
function saveState(file, next, log, loaded) {
    const name = neutralize(file.input, 200);
    if (loaded?.unusable) {
        log.info(`No state written to ${name}: it was not used (see the warning).`);
        return;
    }
    const text = serializeState(next.state);
    // Checked again: a directory of the path may have been swapped for a link while the check ran.
    const outside = outsideProblem(file.path, file.workspace);
    const written = outside ? { error: outside } : writeStateFile(file.path, text);
    if ('error' in written) {
        log.warning(`Could not write the state file ${name}: ${neutralize(written.error, 500)}`);
        return;
    }
    const items = next.state.items.size;
    log.info(`Wrote the state for the next check to ${name}: ${items} ${items === 1 ? 'item' : 'items'}, ` +
        `${Buffer.byteLength(text).toLocaleString('en-US')} bytes.`);
    const cut = [...next.dropped, ...next.expired];
    if (next.dropped.length > 0) {
        log.warning(`The state file ${name} would outgrow its size limit: left out ${next.dropped.length} of its items ` +
            `(those not watched here first, the oldest first), which start as first checks next time.`);
    }
    if (next.expired.length > 0) {
        log.info(`Left out ${next.expired.length} ${next.expired.length === 1 ? 'item' : 'items'} no check has looked at for 90 days.`);
    }
    if (cut.length === 0 && next.historyKept !== undefined) {
        log.info(`Kept ${next.historyKept} changes of each watched item's history (its first and last ones), to fit the size limit.`);
    }
}
/** One line a change since the last check (at most 20, then a count), for the log. */
function logChanges(since, several, log) {
    const { changes, lastCheckAt } = since;
    const when = lastCheckAt === undefined ? 'this is the first check' : `last check ${formatDuration(since.now - lastCheckAt)} ago`;
    if (changes.length === 0) {
        log.info(`Nothing changed since the last check (${when}).`);
        return;
    }
    log.info(`Changed since the last check (${when}):`);
    for (const change of changes.slice(0, 20)) {
        const who = several ? `${change.item}: ` : '';
        const what = change.what === 'status' ? 'status' : (change.name ?? change.step ?? '');
        const move = change.from === undefined ? `${change.to} (first seen)` : `${change.from} → ${change.to}`;
        log.info(`  ${neutralize(`${who}${what} ${move}`, 300)}`);
    }
    if (changes.length > 20)
        log.info(`  … and ${changes.length - 20} more (the changes output has them, as many as fit its size limit)`);
}

;// CONCATENATED MODULE: ./src/verdict.ts
/**
 * Pass or fail, and what happened in the publisher's terms. The job fails when the offer ended Failed
 * or Canceled, a step was rejected, the API refused the request, the run was cancelled, or the wait
 * timed out (unless `on-timeout: warn`). Each verdict also says what happened first (the summary's
 * heading: "Live", "Failed: Certification rejected", "Timed out: still in Certification (2d 4h so
 * far)"), why, in a few words (the portfolio's overview), and what to do next, in one sentence.
 */





/** Message texts of a step, errors first, as one string. */
function stepMessageText(step, max = 1_000) {
    const rank = (level) => (/error|critical/i.test(level) ? 0 : /warn/i.test(level) ? 1 : 2);
    const texts = [];
    let length = 0;
    for (const message of [...step.messages].sort((a, b) => rank(a.level) - rank(b.level))) {
        if (length > max)
            break;
        texts.push(message.text);
        length += message.text.length + 3;
    }
    return truncate(texts.join(' / '), max);
}
/** Characters of an error the API reported that the heading says in full. */
const ERROR_IN_HEADING_MAX = 200;
function stepPhrase(step) {
    return step.name === step.id ? `step '${step.name}'` : `step '${step.name}' (${step.id})`;
}
/** The step an offer failed at: rejected, canceled or blocked first, else the active one, else one with messages. */
function failingStep(snapshot) {
    return (snapshot.steps.find((s) => isStatus(s.status, 'Rejected')) ??
        snapshot.steps.find((s) => isStatus(s.status, 'Canceled') || isStatus(s.status, 'Blocked')) ??
        activeStep(snapshot) ??
        snapshot.steps.find((s) => s.messages.length > 0 && !isStatus(s.status, 'Complete')));
}
function withMessages(sentence, step) {
    if (!step)
        return sentence;
    const text = stepMessageText(step);
    return text ? `${sentence}: ${text}` : sentence;
}
/** `Offers a, b, c`, `Configure jobs x, y`: several subjects, as a sentence starts. */
function subjectsOf(subjects, max = 10) {
    const offers = subjects.filter((s) => s.kind === 'offer').map((s) => s.name);
    const jobs = subjects.filter((s) => s.kind === 'job').map((s) => s.name);
    const shown = [...offers, ...jobs].slice(0, max);
    const more = offers.length + jobs.length - shown.length;
    const list = (names, one, many) => names.length === 0 ? '' : `${names.length === 1 ? one : many} ${names.join(', ')}`;
    const shownOffers = shown.slice(0, Math.min(offers.length, shown.length));
    const shownJobs = shown.slice(shownOffers.length);
    const parts = [
        list(shownOffers, 'Offer', 'Offers'),
        list(shownJobs, offers.length > 0 ? 'configure job' : 'Configure job', offers.length > 0 ? 'configure jobs' : 'Configure jobs')
    ].filter(Boolean);
    return `${parts.join(' and ')}${more > 0 ? ` and ${more} more` : ''}`;
}
/** A reason about one watched offer or job: `message` is `<subject>: <detail>`. */
function reasonAbout(watch, title, detail, inHeading = false) {
    const kind = watch.kind ?? 'offer';
    const reason = {
        title,
        message: `${subjectOf(watch)}: ${detail}`,
        subject: { kind, name: kind === 'job' ? watch.id : watch.label },
        detail
    };
    if (inHeading)
        reason.inHeading = true;
    return reason;
}
function stuckReasons(watch) {
    return watch.stuck.map((step) => reasonAbout(watch, `${step.name} stuck`, `step '${step.name}' has been in progress for ${formatDuration(step.inProgressMs)}, ` +
        `beyond its estimate of ${step.estimatedTimeFrame}`));
}
/** `Certification stuck for 6d (estimate ~2-3 days)`, or `2 steps stuck: Scan, Packaging`. */
function stuckWhy(watch) {
    const [first] = watch.stuck;
    if (!first)
        return '';
    if (watch.stuck.length > 1)
        return `${watch.stuck.length} steps stuck: ${watch.stuck.map((s) => s.name).join(', ')}`;
    return `${first.name} stuck for ${formatDuration(first.inProgressMs)} (estimate ${first.estimatedTimeFrame})`;
}
/**
 * The next moves, in the publisher's terms. The summary shows them as markdown, unescaped: they are
 * this module's own text, never remote text.
 */
const NEXT = {
    live: 'Nothing to do: the offer is live.',
    preview: 'Open the preview, check it, then select Go live in Partner Center to publish the offer.',
    jobSucceeded: 'Nothing to do for the job: its submission goes on. Watch the offer (offer-id) to see when its preview is ready and when it is live.',
    certification: 'Read the certification report (the messages below, and the offer in Partner Center), fix what it names, and publish again.',
    jobCertification: "Read the certification report (on the offer's page in Partner Center, and sent by email), fix what it names, then send the configure request again.",
    failed: 'Read the messages below, fix what they name, and publish again.',
    jobFailed: 'Fix what the errors name, then send the configure request again.',
    canceled: 'Publishing was canceled: publish again when you are ready.',
    jobCanceled: 'The job was canceled: send the configure request again when you are ready.',
    stuck: 'Look at the offer in Partner Center; if the step stays stuck, open a support request in Partner Center (Help + support).',
    later: 'Nothing is wrong yet: check again later, with a scheduled run (`wait-for: none`) or a longer `timeout`.',
    jobLater: 'Check again later: run the action again with the same job-id.',
    notPublished: 'Publish the offer first (in Partner Center, or with a configure job): until then there is nothing to watch.',
    unknownStatus: 'Look at the offer in Partner Center: the action does not know this status, and does not wait on it.',
    cancelled: 'Run again to see where publishing stands: cancelling the run does not stop the publish.',
    access: "Fix the access as the reason says (the token, the sign-in, or the app's role in Partner Center), then run again.",
    notFound: 'Check the IDs as the reason says, then run again.',
    error: 'Fix what the reason names, then run again.',
    unreadable: 'Check the last error: if the service was down or slow, run again later.'
};
/**
 * Where an offer or job stands, for a heading: `in Certification (40%, 2d 4h so far)`, `at
 * Certification (WaitingForApproval)`, `Running` (no step to name), or for a job `running (3h so far)`.
 */
function where(watch, snapshot) {
    const step = activeStep(snapshot);
    const since = step && watch.inProgress?.id === step.id ? watch.inProgress.since : undefined;
    const soFar = since === undefined ? '' : `${formatDuration(Math.max(0, watch.endedAt - since))} so far`;
    if (watch.kind === 'job') {
        const state = isStatus(snapshot.status, 'NotStarted') ? 'not started' : 'running';
        return soFar ? `${state} (${soFar})` : state;
    }
    if (!step)
        return snapshot.status;
    if (!isStatus(step.status, 'InProgress'))
        return `at ${step.name} (${step.status})`;
    const progress = step.progress !== undefined && step.progress > 0 ? `${Math.round(step.progress)}%` : '';
    const detail = [progress, soFar].filter(Boolean).join(', ');
    return `in ${step.name}${detail ? ` (${detail})` : ''}`;
}
/** The verdict on one offer: its own end, plus its stuck steps as warnings or failures. */
function judge(watch, options) {
    const verdict = judgeEnd(watch, options.onTimeout);
    const stuck = stuckReasons(watch);
    if (stuck.length === 0)
        return verdict;
    const why = stuckWhy(watch);
    let judged;
    if (!options.failOnStuck) {
        // A stuck step is news only while nothing worse happened: it is then the why, and the next move.
        const plain = verdict.result === 'passed' && verdict.outcome === 'in-progress';
        judged = {
            ...verdict,
            warnings: [...verdict.warnings, ...stuck],
            ...(plain ? { what: 'stuck', headline: `In progress: ${why}`, why, next: NEXT.stuck } : {})
        };
    }
    else if (verdict.result !== 'passed') {
        judged = { ...verdict, failures: [...verdict.failures, ...stuck] };
    }
    else {
        judged = {
            ...verdict,
            result: 'failed',
            failures: [...verdict.failures, ...stuck],
            what: 'stuck',
            icon: '❌',
            headline: `Stuck: ${why}`,
            why,
            next: NEXT.stuck
        };
    }
    // One stuck step that the heading names in full is not said again below it.
    const [only] = stuck;
    if (only && stuck.length === 1 && judged.headline.includes(why))
        only.inHeading = true;
    return judged;
}
const SEVERITY = ['failed', 'cancelled', 'timed-out', 'passed'];
/** The result of several offers: the worst of theirs (failed, then cancelled, then timed-out). */
function overallResult(verdicts) {
    return SEVERITY.find((result) => verdicts.some((v) => v.result === result)) ?? 'passed';
}
/**
 * The order in which verdicts are listed: the worst result first (failed, cancelled, timed out, passed),
 * then the worst outcome, then one with a stuck step before one without. Negative when `a` comes first.
 */
function compareVerdicts(a, b) {
    return (SEVERITY.indexOf(a.result) - SEVERITY.indexOf(b.result) ||
        OUTCOMES.indexOf(a.outcome) - OUTCOMES.indexOf(b.outcome) ||
        Number(b.warnings.length > 0) - Number(a.warnings.length > 0));
}
function judgeEnd(watch, onTimeout) {
    const snapshot = watch.snapshot;
    const outcome = outcomeOf(watch);
    const job = watch.kind === 'job';
    const status = snapshot?.status;
    const lastKnown = status ? `last known status ${status}` : 'no status read yet';
    const waited = formatDuration(watch.endedAt - watch.startedAt);
    const base = { outcome, failures: [], warnings: [] };
    switch (watch.end.kind) {
        case 'error': {
            const { reason, httpStatus, signIn } = watch.end;
            const access = signIn === true || httpStatus === 401 || httpStatus === 403;
            return {
                ...base,
                result: 'failed',
                failures: [reasonAbout(watch, job ? 'Job status unavailable' : 'Offer status unavailable', reason, true)],
                what: 'unreadable',
                icon: '⚠️',
                headline: `Could not read the status: ${reason}`,
                why: reason,
                next: access ? NEXT.access : httpStatus === 404 ? NEXT.notFound : NEXT.error
            };
        }
        case 'cancelled': {
            const why = !snapshot
                ? 'before any status was read'
                : job
                    ? `while the job was ${where(watch, snapshot)}`
                    : `while ${activeStep(snapshot) ? '' : 'the offer was '}${where(watch, snapshot)}`;
            const lastError = !snapshot && watch.lastError ? `; the last error: ${watch.lastError}` : '';
            return {
                ...base,
                result: 'cancelled',
                failures: [
                    reasonAbout(watch, 'Cancelled', `the run was cancelled after ${waited}; ${lastKnown}${lastError}`, true)
                ],
                what: 'cancelled',
                icon: '⛔',
                headline: `Cancelled ${why}`,
                why: `${why}${lastError}`,
                next: NEXT.cancelled
            };
        }
        case 'timed-out': {
            if (!snapshot) {
                // Never read a status: nothing is known about the offer, so this fails whatever on-timeout says.
                const why = `no status in ${waited}${watch.lastError ? `; the last error: ${watch.lastError}` : ''}`;
                return {
                    ...base,
                    result: 'failed',
                    failures: [
                        reasonAbout(watch, 'No status read', `no status could be read in ${waited}${watch.lastError ? `; the last error: ${watch.lastError}` : ''}`, true)
                    ],
                    what: 'unreadable',
                    icon: '⚠️',
                    headline: `Could not read the status: ${why}`,
                    why,
                    next: NEXT.unreadable
                };
            }
            const step = activeStep(snapshot);
            const at = step ? `, ${stepPhrase(step)} ${step.status}` : '';
            const lastError = watch.lastError ? `; the last request failed: ${watch.lastError}` : '';
            // The heading and the status line say all of it, unless a request failed last.
            const reason = reasonAbout(watch, 'Timed out', `still not done after ${waited} (timeout); ${lastKnown}${at}${lastError}`, lastError === '');
            const stuck = step ? watch.stuck.find((s) => s.id === step.id) : undefined;
            let why;
            let next;
            if (outcome === 'preview-ready') {
                why = 'the preview waits for your sign-off';
                next = NEXT.preview;
            }
            else if (outcome === 'not-published') {
                why = 'the offer was never published';
                next = NEXT.notPublished;
            }
            else {
                const still = job ? `the job is still ${where(watch, snapshot)}` : `still ${where(watch, snapshot)}`;
                // A stuck step is part of why: the active one's overrun, or another step named.
                why = stuck
                    ? `${still}, beyond its estimate of ${stuck.estimatedTimeFrame}`
                    : watch.stuck.length > 0
                        ? `${still}; ${stuckWhy(watch)}`
                        : still;
                next = watch.stuck.length > 0 ? NEXT.stuck : job ? NEXT.jobLater : NEXT.later;
            }
            return {
                ...base,
                result: 'timed-out',
                failures: onTimeout === 'fail' ? [reason] : [],
                warnings: onTimeout === 'warn' ? [reason] : [],
                what: 'timed out',
                icon: '⏱️',
                headline: `Timed out: ${why}`,
                why,
                next
            };
        }
        case 'stopped':
            break;
    }
    const failures = [];
    const offerFailed = snapshot && (isStatus(snapshot.status, 'Failed') || isStatus(snapshot.status, 'Canceled'));
    const failedWord = snapshot ? `publishing ${snapshot.status.toLowerCase()}` : '';
    // Errors the API reported for the offer or the job itself (a configure job's errors[]) are the
    // reasons: one each, quoted.
    const offerErrors = snapshot?.messages.filter((m) => /error|critical/i.test(m.level)) ?? [];
    let why = '';
    let certification = false;
    if (snapshot && offerFailed && offerErrors.length > 0) {
        // One short error is the heading's why, in full; several are counted there.
        const [only] = offerErrors.length === 1 ? offerErrors : [];
        const whole = only !== undefined && only.text.length <= ERROR_IN_HEADING_MAX;
        for (const error of offerErrors) {
            failures.push(reasonAbout(watch, `Publishing ${snapshot.status.toLowerCase()}`, `${failedWord}: ${truncate(error.text, 1_000)}`, whole));
            certification ||= /certification/i.test(error.text);
        }
        why = only ? truncate(only.text, ERROR_IN_HEADING_MAX) : `${offerErrors.length} errors`;
    }
    else if (snapshot) {
        const rejected = rejectedSteps(snapshot);
        for (const step of rejected) {
            failures.push(reasonAbout(watch, `${step.name} rejected`, withMessages(`${stepPhrase(step)} was rejected`, step)));
            certification ||= /certif/i.test(`${step.id} ${step.name}`);
        }
        const [first] = rejected;
        if (first && !job) {
            why =
                rejected.length === 1
                    ? `${first.name} rejected`
                    : `${rejected.length} steps rejected: ${rejected.map((s) => s.name).join(', ')}`;
        }
        if (offerFailed && failures.length === 0) {
            const step = failingStep(snapshot);
            failures.push(reasonAbout(watch, `Publishing ${snapshot.status.toLowerCase()}`, withMessages(`${failedWord}${step ? ` at ${stepPhrase(step)} (${step.status})` : ''}`, step)));
            if (step && !job)
                why = `${step.name} ${step.status.toLowerCase()}`;
        }
    }
    if (failures.length > 0) {
        const canceled = outcome === 'canceled';
        // A canceled publish names the step it stopped at: `Canceled at Certification`.
        const at = canceled && snapshot && !job ? failingStep(snapshot) : undefined;
        if (canceled)
            why = at ? `at ${at.name}` : '';
        return {
            ...base,
            result: 'failed',
            failures,
            what: canceled ? 'canceled' : 'failed',
            icon: canceled ? '🚫' : '❌',
            headline: canceled ? `Canceled${why ? ` ${why}` : ''}` : `Failed${why ? `: ${why}` : ''}`,
            why,
            next: canceled
                ? job
                    ? NEXT.jobCanceled
                    : NEXT.canceled
                : certification
                    ? job
                        ? NEXT.jobCertification
                        : NEXT.certification
                    : job
                        ? NEXT.jobFailed
                        : NEXT.failed
        };
    }
    return { ...base, result: 'passed', ...passedWords(watch, outcome) };
}
/** The heading of an offer or job that ended well, or was looked at once. */
function passedWords(watch, outcome) {
    const snapshot = watch.snapshot;
    const job = watch.kind === 'job';
    switch (outcome) {
        case 'live':
            return { what: 'live', icon: '✅', headline: 'Live', why: '', next: NEXT.live };
        case 'succeeded':
            return { what: 'succeeded', icon: '✅', headline: 'Succeeded', why: '', next: NEXT.jobSucceeded };
        case 'preview-ready':
            return {
                what: 'preview ready',
                icon: '✅',
                headline: 'Preview ready for your sign-off',
                why: '',
                next: NEXT.preview
            };
        case 'not-published':
            return {
                what: 'not published',
                icon: '⚪',
                headline: 'Not published yet',
                why: 'never published',
                next: NEXT.notPublished
            };
        case 'in-progress': {
            const why = snapshot ? (job ? `the job is ${where(watch, snapshot)}` : where(watch, snapshot)) : '';
            return {
                what: 'in progress',
                icon: '🔄',
                headline: `In progress: ${why}`,
                why,
                next: job ? NEXT.jobLater : NEXT.later
            };
        }
        default: {
            // What is left: a status the action does not know (a stop on an unknown status is a one-look).
            const why = `status ${snapshot?.status ?? 'unknown'}`;
            return { what: 'unknown', icon: '❔', headline: `Unknown ${why}`, why, next: NEXT.unknownStatus };
        }
    }
}

;// CONCATENATED MODULE: ./src/annotations.ts
/**
 * The annotations of a run: one per distinct reason, as GitHub shows them, but no more than it shows
 * (ten errors and ten warnings a step). The same reason for several offers (one wrong client secret
 * for five offers) is one annotation that names them all ("Offers contoso/a, contoso/b, …: ...").
 * Past ten, the last one says how many more there are and where to read them, so that a large
 * portfolio does not flood the log with annotations nobody sees.
 */

/** GitHub shows at most this many error annotations, and as many warnings, for one step. */
const MAX_ANNOTATIONS = 10;
/** Offers and jobs named in one annotation; the rest are counted (`… and 12 more`). */
const MAX_SUBJECTS_NAMED = 10;
/** Characters of the names in one annotation, at most (a label is up to a few hundred characters). */
const SUBJECTS_MAX_CHARS = 600;
function capped(reasons, kind) {
    if (reasons.length <= MAX_ANNOTATIONS)
        return reasons;
    const more = reasons.length - (MAX_ANNOTATIONS - 1);
    return [
        ...reasons.slice(0, MAX_ANNOTATIONS - 1),
        {
            title: `${more} more ${kind}`,
            message: `${more} more ${kind} not annotated (GitHub shows ${MAX_ANNOTATIONS} a step): the job summary has each offer's.`
        }
    ];
}
/** `Offers a, b, c, … and 4 more`, within {@link SUBJECTS_MAX_CHARS}; else only how many. */
function named(subjects) {
    let count = Math.min(subjects.length, MAX_SUBJECTS_NAMED);
    let said = subjectsOf(subjects, count);
    while (said.length > SUBJECTS_MAX_CHARS && count > 1)
        said = subjectsOf(subjects, --count);
    if (said.length <= SUBJECTS_MAX_CHARS)
        return said;
    const all = (kind) => subjects.every((s) => s.kind === kind);
    return `${subjects.length} ${all('offer') ? 'offers' : all('job') ? 'configure jobs' : 'offers and jobs'}`;
}
/**
 * Reasons with the same title and the same detail, for different offers or jobs, merged into one that
 * names them all; in the order each was first seen. A reason about no one offer is merged only with
 * the very same reason.
 */
function mergeReasons(reasons) {
    const groups = new Map();
    for (const reason of reasons) {
        const { subject, detail } = reason;
        const key = subject && detail !== undefined ? `${reason.title}\n${detail}` : `${reason.title}\n\n${reason.message}`;
        let group = groups.get(key);
        if (!group) {
            group = { first: reason, subjects: new Map() };
            groups.set(key, group);
        }
        if (subject)
            group.subjects.set(`${subject.kind}\n${subject.name}`, subject);
    }
    return [...groups.values()].map(({ first, subjects }) => {
        if (subjects.size < 2 || first.detail === undefined)
            return first;
        return { title: first.title, message: `${named([...subjects.values()])}: ${first.detail}`, detail: first.detail };
    });
}
function annotationsOf(verdicts) {
    return {
        errors: capped(mergeReasons(verdicts.flatMap((v) => v.failures)), 'failures'),
        warnings: capped(mergeReasons(verdicts.flatMap((v) => v.warnings)), 'warnings')
    };
}

;// CONCATENATED MODULE: ./src/budget.ts
/**
 * Markdown built to a byte budget. Content goes in while it fits; once something does not, the
 * document is full and every later piece of content is refused and counted, so that one closing note
 * can say what was cut. Notes and closing tags have a small reserve of their own above the content's
 * limit; a closing tag is always written, so the markup stays well formed.
 */
/** Bytes kept back from content for notes, closing tags and the closing note. */
const NOTE_RESERVE_BYTES = 4_096;
class BudgetedMarkdown {
    limitBytes;
    lines = [];
    bytes = 0;
    full = false;
    /** What was left out, by kind (`steps`, `history rows`, ...), for the closing note. */
    cut = new Map();
    constructor(limitBytes) {
        this.limitBytes = limitBytes;
    }
    cost(lines) {
        let total = 0;
        for (const line of lines)
            total += Buffer.byteLength(line) + 1;
        return total;
    }
    /** Whether the content limit has been reached. */
    get isFull() {
        return this.full;
    }
    /** Adds content lines if they fit (all or none); false, and the document is full, if not. */
    add(...lines) {
        const cost = this.cost(lines);
        if (this.full || this.bytes + cost > this.limitBytes - NOTE_RESERVE_BYTES) {
            this.full = true;
            return false;
        }
        this.lines.push(...lines);
        this.bytes += cost;
        return true;
    }
    /** A note about the content (e.g. "3 more steps"): into the reserve; dropped if even that is spent. */
    note(...lines) {
        const cost = this.cost(lines);
        if (this.bytes + cost > this.limitBytes - NOTE_RESERVE_BYTES / 2)
            return;
        this.lines.push(...lines);
        this.bytes += cost;
    }
    /** A closing tag or blank line that keeps the markup well formed: always written (a few bytes). */
    close(...lines) {
        this.lines.push(...lines);
        this.bytes += this.cost(lines);
    }
    /** Counts `count` left out of `kind`. */
    count(kind, count = 1) {
        if (count > 0)
            this.cut.set(kind, (this.cut.get(kind) ?? 0) + count);
    }
    /** The document, with a closing note when anything was cut. */
    toString(closingNote) {
        const lines = [...this.lines];
        if (this.cut.size > 0 && closingNote)
            lines.push(closingNote(this.cut), '');
        return lines.join('\n');
    }
}

;// CONCATENATED MODULE: ./src/summary.ts
/**
 * The job summary, as markdown: a heading that says what happened (the outcome, not the last status)
 * and to which offer, the next move with the links it needs, the status and the result, the reasons not
 * already said, with a state file what changed since the last check, a table of the publishing steps,
 * then what was observed while waiting (across checks, with a state file). Every remote or user text
 * goes through {@link escapeCell}, so nothing in it can become a command, HTML, markdown, a mention, a
 * link or a new table cell; the only links are those `links.ts` trusts. The whole is built to a byte
 * budget (GitHub shows no summary over 1 MiB): the headings, verdicts and the overview of several offers
 * come first, and what does not fit is left out with a note that says so.
 */







const MESSAGE_CELL_MAX = 600;
/** Messages shown per step (and for the offer); the rest are counted. */
const MESSAGES_SHOWN = 5;
/** Characters of a name or status in a table cell. */
const NAME_MAX = 120;
function messageCell(messages, omitted = 0) {
    const shown = messages.slice(0, MESSAGES_SHOWN).map((m) => {
        const level = /error|critical/i.test(m.level) ? '❗ ' : /warn/i.test(m.level) ? '⚠️ ' : '';
        return `${level}${escapeCell(m.text, MESSAGE_CELL_MAX)}`;
    });
    const more = Math.max(0, messages.length - MESSAGES_SHOWN) + omitted;
    if (more > 0)
        shown.push(`… ${more} more ${more === 1 ? 'message' : 'messages'}`);
    return shown.join('<br>');
}
function stepRow(step, stuck) {
    const name = escapeCell(step.name, NAME_MAX);
    const stuckMark = stuck ? ` ⚠️ stuck for ${formatDuration(stuck.inProgressMs)}` : '';
    const status = `${stepIcon(step.status)} ${escapeCell(step.status, NAME_MAX)}${stuckMark}`;
    const estimate = step.estimatedTimeFrame ? escapeCell(step.estimatedTimeFrame, NAME_MAX) : '—';
    const messages = messageCell(step.messages, step.omittedMessages);
    return `| ${name} | ${status} | ${progressBar(step.progress)} | ${estimate} | ${messages} |`;
}
/** `from → to`, or `to (first seen)`, escaped. */
function changeSaid(from, to) {
    return from === undefined
        ? `${escapeCell(to, NAME_MAX)} (first seen)`
        : `${escapeCell(from, NAME_MAX)} → ${escapeCell(to, NAME_MAX)}`;
}
function historyRow(watch, o) {
    const who = o.subject === 'offer' ? (watch.kind === 'job' ? 'Job' : 'Offer') : escapeCell(o.name, NAME_MAX);
    return `| ${clockTime(o.at)} | +${formatDuration(o.at - watch.startedAt)} | ${who} | ${changeSaid(o.from, o.to)} |`;
}
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** What the summary may leave out, counted in the closing note: each kind's singular. */
const ONE_OF = {
    steps: 'step',
    'history rows': 'history row',
    'offers in the overview': 'offer in the overview',
    'offer sections': 'offer section',
    changes: 'change'
};
/** `1 step`, `3 history rows`. */
const counted = (n, kind) => plural(n, ONE_OF[kind] ?? kind, kind);
/**
 * Adds `count` rows under `header` while they fit; counts the rest as `kind`. A row is only made
 * when there is room to try it, so a full summary costs nothing more.
 */
function addTable(doc, header, count, row, kind) {
    if (count === 0)
        return;
    let shown = 0;
    if (!doc.isFull && doc.add(...header, row(0))) {
        shown = 1;
        while (shown < count && doc.add(row(shown)))
            shown++;
        doc.close('');
    }
    if (shown < count) {
        doc.count(kind, count - shown);
        doc.note(`_… ${counted(count - shown, kind).replace(' ', ' more ')} not shown (summary size limit)._`, '');
    }
}
/**
 * A history's table: its first and last changes, and where those between were left out (the middle),
 * a row that says how many (`gapCells` are the cells before that row's last).
 */
function addHistory(doc, header, kept, gapCells, row) {
    const { history, historyOmitted } = kept;
    const gapAt = historyOmitted > 0 ? Math.floor(history.length / 2) : -1;
    const gap = `${gapCells} ${plural(historyOmitted, 'more change')} in between, not kept |`;
    addTable(doc, header, history.length + (gapAt >= 0 ? 1 : 0), (i) => (i === gapAt ? gap : row(history[gapAt >= 0 && i > gapAt ? i - 1 : i])), 'history rows');
}
/** Characters of a headline in a heading; a longer one is cut there, and its reason shown in full below. */
const HEADLINE_MAX = 300;
/** Characters of the why in an overview row. */
const WHY_MAX = 160;
/** `**Next:** ...`, and the links the publisher opens next, each on its own line. */
function nextLines(watch, verdict) {
    // The next move is the action's own text (see NEXT in verdict.ts): markdown as it is.
    const lines = [`**Next:** ${verdict.next}`, ''];
    const { preview, live } = watch.snapshot?.links ?? {};
    const previewLink = preview && (verdict.outcome === 'preview-ready' || verdict.outcome === 'live') ? markdownLink(preview) : undefined;
    const liveLink = live && verdict.outcome === 'live' ? markdownLink(live) : undefined;
    if (previewLink)
        lines.push(`**Preview:** ${previewLink}`, '');
    if (liveLink)
        lines.push(`**Live:** ${liveLink}`, '');
    return lines;
}
/**
 * `12 requests, 2 of them failed and were retried; the last of them failed and the wait ended before a
 * retry`: only a request that was tried again counts as retried.
 */
function requestsSaid(watch) {
    const { retries } = watch;
    const retried = retries > 0 ? `, ${retries} of them failed and ${retries === 1 ? 'was' : 'were'} retried` : '';
    const unretried = watch.transientErrors > retries
        ? `; the last ${watch.polls === 1 ? 'one' : 'of them'} failed and the wait ended before a retry`
        : '';
    return `${plural(watch.polls, 'request')}${retried}${unretried}`;
}
/**
 * "Since the last check": when it was, and what changed since (or that nothing did), from a state file.
 * A first check says so, and why when the file could not be used.
 */
function sinceSection(doc, since, level) {
    const h = '#'.repeat(level);
    const file = `<code>${escapeCell(since.file, 200)}</code>`;
    const { changes, lastCheckAt } = since;
    const warning = since.problem ? ['> [!WARNING]', `> ${escapeCell(since.problem, 1_000)}`, ''] : [];
    const lines = lastCheckAt === undefined
        ? [
            `${h} Since the last check: this is the first`,
            '',
            ...warning,
            since.problem
                ? 'Each status counts as a change.'
                : `${file} holds no earlier check of what this one watches: each status counts as a change.`,
            ''
        ]
        : [
            `${h} Since the last check (${formatDuration(since.now - lastCheckAt)} ago)`,
            '',
            ...warning,
            changes.length === 0
                ? `Nothing changed since the last check, at ${clockTime(lastCheckAt)} (state in ${file}).`
                : `${plural(changes.length, 'change')} since the last check, at ${clockTime(lastCheckAt)} (state in ${file}):`,
            ''
        ];
    if (!doc.add(...lines))
        return;
    addTable(doc, ['| Item | What | Change | First seen |', '| --- | --- | --- | --- |'], changes.length, (i) => {
        const change = changes[i];
        const what = change.what === 'status' ? 'Status' : escapeCell(change.name ?? change.step ?? '', NAME_MAX);
        const at = Date.parse(change.firstSeen);
        return `| ${escapeCell(change.item, NAME_MAX)} | ${what} | ${changeSaid(change.from, change.to)} | ${Number.isFinite(at) ? clockTime(at) : '—'} |`;
    }, 'changes');
}
/**
 * One offer's section: heading, next move, status, reasons, (`then`, when given), steps, what was
 * observed. False when not even its heading fit.
 */
function offerSection(doc, watch, verdict, level, since, then) {
    const subject = escapeCell(subjectOf(watch), NAME_MAX + 10);
    const snapshot = watch.snapshot;
    const status = snapshot ? escapeCell(snapshot.status, NAME_MAX) : 'none read';
    const h = '#'.repeat(level);
    const waited = formatDuration(watch.endedAt - watch.startedAt);
    const headlineWhole = verdict.headline.length <= HEADLINE_MAX;
    const head = [
        `${h} ${verdict.icon} ${escapeCell(verdict.headline, HEADLINE_MAX)} — ${subject}`,
        '',
        ...nextLines(watch, verdict),
        `Status: **${status}** · result: **${verdict.result}** · waited ${waited} · ${plural(watch.polls, 'request')}`,
        ''
    ];
    if (verdict.result === 'cancelled') {
        const what = snapshot ? 'the table shows the last status read before it stopped' : 'no status had been read yet';
        head.push('> [!WARNING]', `> The run was cancelled: ${what}.`, '');
    }
    // A reason the heading says in full is not said again.
    const reasons = [...verdict.failures, ...verdict.warnings]
        .filter((reason) => !(reason.inHeading && headlineWhole))
        .map((reason) => `- **${escapeCell(reason.title, NAME_MAX)}**: ${escapeCell(reason.detail ?? reason.message, 2_000)}`);
    if (reasons.length > 0)
        head.push(...reasons, '');
    if (!doc.add(...head))
        return false;
    then?.();
    if (doc.isFull)
        return true;
    if (snapshot && snapshot.steps.length > 0) {
        const { steps } = snapshot;
        addTable(doc, ['| Step | Status | Progress | Estimate | Messages |', '| --- | --- | --- | --- | --- |'], steps.length, (i) => {
            const step = steps[i];
            return stepRow(step, watch.stuck.find((s) => s.id === step.id));
        }, 'steps');
    }
    else if (snapshot) {
        doc.add('_The service reported no publishing steps._', '');
    }
    if (snapshot?.omittedSteps) {
        doc.count('steps', snapshot.omittedSteps);
        doc.note(`_… the service reported ${plural(snapshot.omittedSteps, 'more step')}, not kept._`, '');
    }
    if (snapshot && snapshot.messages.length > 0) {
        doc.add(`> ${messageCell(snapshot.messages, snapshot.omittedMessages)}`, '');
    }
    const across = since?.histories.get(watch.key);
    if (across && across.history.length > 0) {
        // With a state file, the history spans the checks (this one's changes included).
        const names = new Map(snapshot?.steps.map((s) => [s.id, s.name]));
        doc.add(`${h}# What was observed, across checks`, '');
        addHistory(doc, ['| Time | What | Change |', '| --- | --- | --- |'], across, '| … | |', (entry) => {
            const who = entry.step === undefined
                ? watch.kind === 'job'
                    ? 'Job'
                    : 'Offer'
                : escapeCell(names.get(entry.step) ?? entry.step, NAME_MAX);
            const at = Date.parse(entry.at);
            return `| ${Number.isFinite(at) ? clockTime(at) : '—'} | ${who} | ${changeSaid(entry.from, entry.to)} |`;
        });
    }
    else if (watch.history.length > 0) {
        doc.add(`${h}# What was observed`, '');
        addHistory(doc, ['| Time | After | What | Change |', '| --- | --- | --- | --- |'], watch, '| … | | |', (o) => historyRow(watch, o));
    }
    doc.add(`Watched from ${clockTime(watch.startedAt)} to ${clockTime(watch.endedAt)}: ${waited} in ${requestsSaid(watch)}.`, '');
    return true;
}
function overviewRow(watch, verdict) {
    const status = watch.snapshot ? escapeCell(watch.snapshot.status, 60) : '—';
    const why = verdict.why ? escapeCell(verdict.why, WHY_MAX) : '—';
    return (`| ${escapeCell(watch.label, NAME_MAX)} | ${OUTCOME_ICONS[verdict.outcome]} ${verdict.outcome} | ${why} | ` +
        `${status} | ${RESULT_ICONS[verdict.result]} ${verdict.result} |`);
}
function closingNote(cut) {
    const what = [...cut].map(([kind, n]) => counted(n, kind)).join(', ');
    return (`> [!NOTE]\n> Cut to fit GitHub's 1 MiB limit for a job summary: ${what} not shown. ` +
        'The outputs and the log have the rest.');
}
/** `2 failed, 1 timed out, 3 live`, worst first (the verdicts come sorted). */
function tallies(verdicts) {
    const counts = new Map();
    for (const { what } of verdicts)
        counts.set(what, (counts.get(what) ?? 0) + 1);
    return [...counts].map(([word, n]) => `${n} ${word}`).join(', ');
}
/** `offers`, `configure jobs`, or `offers and jobs`. */
function noun(watches) {
    const jobs = watches.filter((w) => w.kind === 'job').length;
    if (jobs === 0)
        return watches.length === 1 ? 'offer' : 'offers';
    if (jobs === watches.length)
        return watches.length === 1 ? 'configure job' : 'configure jobs';
    return 'offers and jobs';
}
/**
 * The job summary. One offer: its section. Several: an overview table first, worst first, then each
 * offer's section under `<details>`, open for those that did not pass or have a stuck step. With
 * `since`, what changed since the last check comes after the verdict and before the details.
 */
function renderSummary(watches, verdicts, overall, options = {}) {
    const { budgetBytes = SUMMARY_BUDGET_BYTES, since } = options;
    const doc = new BudgetedMarkdown(budgetBytes);
    const [only] = watches;
    const [onlyVerdict] = verdicts;
    if (watches.length === 1 && only && onlyVerdict) {
        const then = since
            ? () => {
                sinceSection(doc, since, 3);
            }
            : undefined;
        offerSection(doc, only, onlyVerdict, 2, since, then);
        return doc.toString(closingNote);
    }
    let started = Infinity;
    let ended = -Infinity;
    let requests = 0;
    for (const w of watches) {
        started = Math.min(started, w.startedAt);
        ended = Math.max(ended, w.endedAt);
        requests += w.polls;
    }
    // Worst first; the sort is stable, so offers that fare alike keep the order they were given in.
    const order = watches
        .flatMap((watch, i) => {
        const verdict = verdicts[i];
        return verdict ? [{ watch, verdict }] : [];
    })
        .sort((a, b) => compareVerdicts(a.verdict, b.verdict));
    const sorted = order.map((o) => o.verdict);
    const nexts = new Set(sorted.map((v) => v.next));
    const next = nexts.size === 1
        ? ([...nexts][0] ?? '')
        : `Start at the top: the ${noun(watches)} are listed worst first, each with what to do next.`;
    doc.add(`## ${sorted[0]?.icon ?? RESULT_ICONS[overall]} ${watches.length} ${noun(watches)}: ${tallies(sorted)}`, '', `**Next:** ${next}`, '', `Result: **${overall}** · waited ${formatDuration(ended - started)} · ${plural(requests, 'request')} in all`, '');
    addTable(doc, ['| Offer | Outcome | Why | Status | Result |', '| --- | --- | --- | --- | --- |'], order.length, (i) => {
        const o = order[i];
        return overviewRow(o.watch, o.verdict);
    }, 'offers in the overview');
    if (since)
        sinceSection(doc, since, 3);
    let skipped = 0;
    for (const { watch, verdict } of order) {
        const open = verdict.result !== 'passed' || watch.stuck.length > 0;
        if (doc.isFull ||
            !doc.add(open ? '<details open>' : '<details>', `<summary>${verdict.icon} ${escapeCell(watch.label, NAME_MAX)}: ${escapeCell(verdict.headline, 200)}</summary>`, '')) {
            skipped++;
            continue;
        }
        offerSection(doc, watch, verdict, 3, since);
        doc.close('</details>', '');
    }
    doc.count('offer sections', skipped);
    return doc.toString(closingNote);
}
/** The summary of a run that never started watching, e.g. because of bad inputs. */
function renderProblemSummary(title, problem) {
    const lines = problem
        .split('\n')
        .slice(0, 50)
        .map((line) => `- ${escapeCell(line, 2_000)}`);
    return [`## ${RESULT_ICONS.failed} ${escapeCell(title, 200)}`, '', ...lines, ''].join('\n');
}

;// CONCATENATED MODULE: ./src/report.ts
/**
 * The report of a run, pure: each watch judged, the overall result, what changed since the last check
 * (and the state to leave for the next), the outputs, the annotations and the job summary. `main.ts`
 * writes it out to the runner; `npm run summaries` renders the same report for every scenario.
 */





/**
 * The report of `results`, at `now`. With a state file (`state`: as the input names it, and what it
 * held), the changes since the last check and the summary's section on them; without one every check
 * is a first check, and `changed` says whether any status was read.
 */
function reportOf(results, options, now, state) {
    const verdicts = results.map((result) => judge(result, options));
    const overall = overallResult(verdicts);
    const outcomes = verdicts.map((verdict) => verdict.outcome);
    const { since, next } = sinceLastCheck(state?.loaded, results, outcomes, now, state?.file);
    const report = {
        verdicts,
        overall,
        since,
        outputs: outputsOf(results, verdicts, overall, since.changes),
        annotations: annotationsOf(verdicts),
        summary: renderSummary(results, verdicts, overall, state ? { since } : {})
    };
    if (next)
        report.next = next;
    return report;
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The action: read the settings, watch the offers, report. Decisions live in the pure modules
 * (`poll.ts`, `verdict.ts`, `summary.ts`); this file only wires them to the runner.
 */
















/** Where the state file's lines go: the log, and a warning annotation. */
const stateLog = {
    info: (line) => {
        info(line);
    },
    warning: (line) => {
        warning(line, { title: 'State file' });
    }
};
const SIGN_IN = {
    token: 'with the token input',
    'client-secret': 'signing in with a client secret',
    oidc: 'signing in with GitHub OIDC'
};
/** After a cancel signal, the process is gone by then whatever is still pending. */
const CANCEL_GRACE_MS = 1_500;
async function run() {
    // Mask the secrets before anything else runs, so that no later line can print them.
    for (const name of ['token', 'client-secret']) {
        const secret = getInput(name);
        if (secret)
            setSecret(secret);
    }
    let settings;
    let credentials;
    let sources;
    let notes;
    let http;
    let state;
    try {
        settings = readSettings((name) => getInput(name));
        state = stateFileOf(settings, process.env.GITHUB_WORKSPACE || process.cwd());
        // Kept-alive connections: as many idle ones per origin as requests may be in flight.
        http = createHttpPort({ maxIdleSockets: settings.maxConcurrency });
        credentials = createCredentials(settings.auth, process.env, {
            http,
            now: now,
            mask: (secret) => {
                setSecret(secret);
            },
            log: (message) => {
                info(message);
            }
        });
        // The route a token's audience decides can still make an input wrong: judged before any request.
        const built = createSources(settings, credentials, {
            http,
            now: now,
            debug: (message) => {
                debug(message);
            },
            log: (message) => {
                info(message);
            }
        });
        sources = built.sources;
        notes = built.notes;
    }
    catch (error) {
        if (!(error instanceof InputError))
            throw error;
        for (const line of error.message.split('\n'))
            runner_error(neutralize(line, 2_000), { title: error.title });
        for (const [name, value] of Object.entries(outputsOf([], [], 'failed')))
            setOutput(name, value);
        await writeSummary(renderProblemSummary(`Offer status: ${error.title.toLowerCase()}`, error.message));
        process.exitCode = ExitCode.Failure;
        return;
    }
    const loaded = state &&
        loadState(state, sources.flatMap((source) => [source.key ?? '', ...(source.aliases ?? [])]), stateLog);
    const controller = new AbortController();
    const stopSignals = onCancelSignal((signal) => {
        info(`Received ${signal}: stopping and writing the summary.`);
        controller.abort();
        setTimeout(() => process.exit(ExitCode.Failure), CANCEL_GRACE_MS).unref();
    });
    try {
        const offers = settings.offerIds.length;
        const jobs = settings.jobIds.length;
        const what = sources.length === 1
            ? `${offers === 1 ? 'offer ' : ''}${sources[0]?.label ?? ''}`
            : [
                offers > 0
                    ? `${offers} ${offers === 1 ? 'offer' : 'offers'}${settings.publisherId ? ` of ${settings.publisherId}` : ''}`
                    : '',
                jobs > 0 ? `${jobs} configure ${jobs === 1 ? 'job' : 'jobs'}` : ''
            ]
                .filter(Boolean)
                .join(' and ');
        const pace = settings.intervalMs === undefined
            ? `polling at each API's pace up to ${formatDuration(settings.maxIntervalMs)}`
            : `polling every ${formatDuration(settings.intervalMs)} to ${formatDuration(settings.maxIntervalMs)}`;
        info(`Watching ${what} (${SIGN_IN[credentials.mode]}): wait-for ${settings.waitFor}, ` +
            `timeout ${formatDuration(settings.timeoutMs)}, ${pace}.`);
        for (const note of notes)
            info(note);
        const results = await watchAll(sources, settings, {
            now: now,
            sleep: sleep,
            random: random,
            signal: controller.signal,
            onEvent: logger(settings, sources.length > 1),
            carriedFirstSeen: carriedFirstSeen(loaded)
        });
        await report(results, settings, state, loaded);
    }
    finally {
        stopSignals();
        http.close?.();
    }
}
function logger(settings, several) {
    const toldAboutReview = new Set();
    const line = (event) => pollLine(event, { withLabel: several });
    return (event) => {
        switch (event.type) {
            case 'transient':
            case 'stuck':
                info(line(event));
                return;
            case 'read':
                // The steps only when something changed: a quiet wait logs one line a poll.
                if (event.changed) {
                    startGroup(line(event));
                    for (const detail of stepLines(event.snapshot))
                        info(detail);
                    endGroup();
                }
                else {
                    info(line(event));
                }
                if (settings.waitFor === 'completion' &&
                    !toldAboutReview.has(event.label) &&
                    waitsForPublisherReview(event.snapshot)) {
                    toldAboutReview.add(event.label);
                    const who = several ? `${neutralize(event.label, 120)}: ` : '';
                    info(`${who}The preview is ready and waits for the publisher: go live in Partner Center to finish publishing.`);
                }
        }
    };
}
async function report(results, settings, state, loaded) {
    const { verdicts, overall, since, next, outputs, annotations, summary } = reportOf(results, settings, now(), state && { file: state.input, ...(loaded ? { loaded } : {}) });
    for (const [name, value] of Object.entries(outputs))
        setOutput(name, value);
    if (state && next) {
        saveState(state, next, stateLog, loaded);
        logChanges(since, results.length > 1, stateLog);
    }
    for (const reason of annotations.errors) {
        runner_error(neutralize(reason.message, 2_000), { title: neutralize(reason.title, 100) });
    }
    for (const reason of annotations.warnings) {
        warning(neutralize(reason.message, 2_000), { title: neutralize(reason.title, 100) });
    }
    await writeSummary(summary);
    const [only] = verdicts;
    if (only && verdicts.length === 1) {
        info(`Result: ${overall} (${neutralize(only.headline, 300)})`);
        info(`Next: ${neutralize(only.next, 300)}`);
    }
    else
        info(`Result: ${overall}`);
    if (verdicts.some((verdict) => verdict.failures.length > 0))
        process.exitCode = ExitCode.Failure;
}
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        debug('GITHUB_STEP_SUMMARY is not set: no job summary written.');
        return;
    }
    try {
        await summary.addRaw(markdown).write();
    }
    catch (error) {
        warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/**
 * Calls `handler` on the first SIGINT or SIGTERM (the runner's cancel and job timeout); returns an
 * unsubscribe. A second signal changes nothing: the summary and outputs are being written, and the
 * grace timer ends the process in any case.
 */
function onCancelSignal(handler) {
    const signals = ['SIGINT', 'SIGTERM'];
    let fired = false;
    const listener = (signal) => {
        if (fired) {
            info(`Received ${signal} again: still writing the summary.`);
            return;
        }
        fired = true;
        handler(signal);
    };
    for (const s of signals)
        process.on(s, listener);
    return () => {
        for (const s of signals)
            process.off(s, listener);
    };
}

;// CONCATENATED MODULE: ./src/index.ts
/** The entry point the runner starts (bundled into dist/index.js). */





run().catch(async (error) => {
    // Expected failures are reported inside run(); this is a bug, so keep the stack in the debug log.
    const message = `Unexpected error: ${neutralize(error instanceof Error ? error.message : String(error), 1_000)}`;
    // The stack's first line is the message, which may quote remote text: each line is neutralised.
    if (error instanceof Error && error.stack) {
        for (const line of error.stack.split('\n').slice(0, 30))
            debug(neutralize(line, 500));
    }
    setFailed(message);
    for (const [name, value] of Object.entries(outputsOf([], [], 'failed')))
        setOutput(name, value);
    await writeSummary(renderProblemSummary('Offer status: unexpected error', message));
});

