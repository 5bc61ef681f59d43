/**
 * A page's live channel as a browser's EventSource sees it: a real HTTP
 * connection to a listening service (app.inject waits for a response to end,
 * and this one never does), its events parsed as they arrive.
 */
import { request, type IncomingMessage } from 'node:http';

export interface LiveEvent {
  event: string;
  data: string;
  id?: string;
}

export interface LiveStream {
  /** The response's status and headers, once they arrive. */
  response: Promise<IncomingMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Every event received so far, in order. */
  readonly events: readonly LiveEvent[];
  /** The next event (after those already taken) that matches; fails after `timeoutMs` of real time. */
  next(what: string, match: (event: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  close(): void;
}

function parse(block: string): LiveEvent | null {
  const event: LiveEvent = { event: 'message', data: '' };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    const [field, ...rest] = line.split(':');
    const value = rest.join(':').replace(/^ /, '');
    if (field === 'event') event.event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') event.id = value;
  }
  if (data.length === 0) return null;
  event.data = data.join('\n');
  return event;
}

/**
 * Opens `url` (`/app/events?...` on a listening service) with the signed-in page's cookie;
 * with `lastEventId`, as the browser reconnects after the last event it received.
 */
export function openLiveStream(url: string, cookie: string, o: { lastEventId?: string } = {}): LiveStream {
  const events: LiveEvent[] = [];
  const waiters = new Set<() => void>();
  let taken = 0;
  const req = request(url, { headers: { cookie, accept: 'text/event-stream', ...(o.lastEventId ? { 'last-event-id': o.lastEventId } : {}) } });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.on('response', resolve);
    req.on('error', reject);
  });
  req.end();
  const ended = response.then((res) => new Promise<void>((resolve) => res.on('end', resolve)));
  ended.catch(() => undefined);
  void response.then((res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const event = parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event) events.push(event);
      }
      for (const wake of [...waiters]) wake();
    });
  }, () => undefined);

  return {
    response,
    ended,
    events,
    next(what, match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const index = events.findIndex((event, i) => i >= taken && match(event));
          if (index < 0) return;
          taken = index + 1;
          done();
          resolve(events[index]!);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${what} on the live channel within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(look);
        };
        waiters.add(look);
        look();
      });
    },
    close: () => req.destroy(),
  };
}
