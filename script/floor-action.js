// @ts-check
/**
 * The floor `npm run bench` measures start-up against: a dependency-free action doing the same
 * one-shot check as `wait-for: none` (read the inputs, one authorised GET, parse the JSON, set the
 * `status` output, append a summary line). Not a product; only node built-ins.
 */
import { appendFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'

const input = (/** @type {string} */ name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim()
const base = new URL(input('base-url') || 'https://cloudpartner.azure.com')
const url = new URL(
  `/api/publishers/${encodeURIComponent(input('publisher-id'))}/offers/${encodeURIComponent(input('offer-id'))}/status?api-version=${input('api-version') || '2017-10-31'}`,
  base
)
const transport = url.protocol === 'https:' ? https : http
const req = transport.get(url, { headers: { authorization: `Bearer ${input('token')}` } }, (res) => {
  let body = ''
  res.setEncoding('utf8')
  res.on('data', (/** @type {string} */ chunk) => (body += chunk))
  res.on('end', () => {
    const status = String(JSON.parse(body).status)
    appendFileSync(String(process.env.GITHUB_OUTPUT), `status<<EOF\n${status}\nEOF\n`)
    appendFileSync(String(process.env.GITHUB_STEP_SUMMARY), `# Offer status: ${status}\n`)
    console.log(`Offer status: ${status}`)
  })
})
req.on('error', (error) => {
  console.log(`::error::${error.message}`)
  process.exitCode = 1
})
