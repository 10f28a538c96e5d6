// Drives a real `keikaku serve` process over HTTP on 127.0.0.1: start it, send raw
// requests (targets exactly as written, no client-side normalisation), read its
// live-reload stream. Node built-ins only, so the benchmark can use it too.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = [];
process.on('exit', () => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A scratch folder, removed when the process exits. */
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'keikaku-test-'));
  scratch.push(dir);
  return dir;
}

/** Replaces the first `from` in `file` with `to`, as an editor's save; `from` must be there. */
export function edit(file, from, to) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} lacks ${from}`);
  writeFileSync(file, text.replace(from, to));
}

/** A private copy of the repository's content/ (or another folder), to edit freely. */
export function copyContent(repoRoot, from = 'content') {
  const dir = join(tempDir(), 'content');
  cpSync(join(repoRoot, from), dir, { recursive: true });
  return dir;
}

/**
 * Starts `keikaku serve ARGS` and resolves once it prints its URL. The returned handle
 * collects stdout/stderr and can stop the server (SIGINT) and await its exit.
 */
export function startServe(keikaku, args, { cwd, env, timeout = 30000 } = {}) {
  const child = spawn(keikaku, ['serve', ...args], { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const handle = { child, stdout: '', stderr: '', exit: null };
  handle.exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    handle.exit = { code, signal };
    resolve(handle.exit);
  }));
  child.stdout.setEncoding('utf8').on('data', (s) => { handle.stdout += s; });
  child.stderr.setEncoding('utf8').on('data', (s) => { handle.stderr += s; });
  handle.stop = async (signal = 'SIGINT') => {
    if (handle.exit) return handle.exit;
    child.kill(signal);
    return handle.exited;
  };
  handle.ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${handle.stdout}${handle.stderr}`)), timeout);
    const check = () => {
      const m = handle.stdout.match(/プレビュー: (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        const url = new URL(m[1]);
        Object.assign(handle, { url: m[1], port: Number(url.port), base: url.pathname });
        resolve(handle);
      }
    };
    child.stdout.on('data', check);
    handle.exited.then(() => { clearTimeout(timer); reject(new Error(`serve exited ${JSON.stringify(handle.exit)}:\n${handle.stdout}${handle.stderr}`)); });
  });
  return handle;
}

/** Waits until `predicate()` is true, polling; rejects with `what` after `timeout` ms. */
export async function until(predicate, what, timeout = 10000) {
  const end = Date.now() + timeout;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function decodeChunked(buf) {
  const parts = [];
  let i = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', i);
    if (eol < 0) break;
    const size = parseInt(buf.subarray(i, eol).toString('latin1'), 16);
    if (!size) break;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * Sends one request with the target exactly as given; resolves {status, headers, body}.
 * Headers are lower-cased; the body is a UTF-8 string (empty for HEAD).
 */
export function request(port, target, { method = 'GET', headers = {}, timeout = 10000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks = [];
    const timer = setTimeout(() => { socket.destroy(); reject(new Error(`${method} ${target} timed out`)); }, timeout);
    socket.on('connect', () => {
      const all = { Host: `127.0.0.1:${port}`, Connection: 'close', ...headers };
      const lines = [`${method} ${target} HTTP/1.1`, ...Object.entries(all).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
    });
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e) => { clearTimeout(timer); reject(e); });
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`${method} ${target}: no response`));
      const [statusLine, ...headerLines] = raw.subarray(0, split).toString('latin1').split('\r\n');
      const res = { status: Number(statusLine.split(' ')[1]), headers: {} };
      for (const l of headerLines) {
        const c = l.indexOf(':');
        res.headers[l.slice(0, c).trim().toLowerCase()] = l.slice(c + 1).trim();
      }
      let body = raw.subarray(split + 4);
      if (res.headers['transfer-encoding'] === 'chunked') body = decodeChunked(body);
      res.body = Buffer.from(body).toString('utf8');
      resolve(res);
    });
  });
}

/**
 * Opens the live-reload stream; `events` collects {type, data, at} of each `reload` event
 * (data parsed from JSON, `at` from performance.now()). close() ends it.
 */
export function openEvents(port, since = 0) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const stream = { events: [], status: 0, socket, close: () => socket.destroy() };
    let head = '';
    let text = '';
    let opened = false;
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      socket.write(`GET /__keikaku/events?since=${since} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`);
    });
    socket.on('error', (e) => { if (!opened) reject(e); });
    socket.on('data', (s) => {
      if (!opened) {
        head += s;
        const split = head.indexOf('\r\n\r\n');
        if (split < 0) return;
        stream.status = Number(head.split(' ')[1]);
        opened = true;
        s = head.slice(split + 4);
        resolve(stream);
      }
      text += s;
      // Chunk-size lines are noise for this reader: events are found by their fields.
      for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const type = block.match(/^event: (.*)$/m);
        const data = block.match(/^data: (.*)$/m);
        if (type && data) stream.events.push({ type: type[1], data: JSON.parse(data[1]), at: performance.now() });
      }
    });
  });
}

/** The build number a served page carries (what its live-reload script starts from). */
export function buildOf(html) {
  const m = html.match(/data-build="(\d+)"/);
  return m ? Number(m[1]) : 0;
}
