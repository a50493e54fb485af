// One reading of a JSON body for the officer and admin APIs: the bytes as UTF-8, one value per key
// (function/http/json.ts), then the route's schema through Hono's validator, so that the handler's
// `c.req.valid('json')` has the schema's type.
import type { Context, MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type * as z from 'zod/mini';
import { type Env, mediaType } from '../http/http.ts';
import { strictJson } from '../http/json.ts';

/** The body as JSON; undefined for another media type, bytes that are not UTF-8, bad syntax or a key given twice. */
export async function readJson(c: Context): Promise<unknown> {
  const { type, utf8 } = mediaType(c.req.header('Content-Type'));
  if (type !== 'application/json' || !utf8) return undefined;
  try {
    return strictJson(new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer()));
  } catch {
    return undefined;
  }
}

/**
 * The body read in the handler, where something must happen before it is judged (a passkey ceremony is spent by the
 * first answer, well-formed or not).
 */
export async function bodyOf<T extends z.ZodMiniType>(c: Context, schema: T): Promise<z.output<T> | null> {
  const parsed = schema.safeParse(await readJson(c));
  return parsed.success ? (parsed.data as z.output<T>) : null;
}

/** The route's body, read strictly and checked before its handler runs; `refusal` answers anything else. */
export function jsonBody<T extends z.ZodMiniType>(schema: T, refusal: (c: Context) => Response) {
  const check = validator('json', (value, c) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? (parsed.data as z.output<T>) : refusal(c);
  });
  const strict: MiddlewareHandler = async (c, next) => {
    const body = await readJson(c);
    if (body === undefined) return refusal(c);
    // Hono's validator takes the value from here instead of parsing the same bytes again with JSON.parse.
    c.req.bodyCache.json = Promise.resolve(body);
    return (await check(c, next)) as Response | undefined;
  };
  return strict as unknown as typeof check;
}

/** The route's query string checked by its schema before the handler, typed for the inbox's client like a body. */
export function queryOf<T extends z.ZodMiniType>(schema: T, refusal: (c: Context) => Response) {
  const check = validator('query', (value, c) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? (parsed.data as z.output<T>) : refusal(c);
  });
  // Every field of a query is optional text to the client: the schema gives the defaults and reads the numbers.
  type Asked = { [K in keyof z.output<T>]?: string };
  return check as unknown as MiddlewareHandler<Env, string, { in: { query: Asked }; out: { query: z.output<T> } }>;
}

/**
 * The body a route takes, for the typed client only: where the handler must read the body itself (a ceremony is spent
 * before its answer is judged, `bodyOf`), this names the shape without reading or checking anything.
 */
export function takesJson<T>() {
  const pass: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  return pass as MiddlewareHandler<Env, string, { in: { json: T }; out: { json: T } }>;
}
