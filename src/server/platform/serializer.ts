import fastJson from "fast-json-stringify";
import type { FastifySerializerCompiler } from "fastify/types/schema.js";
import { ResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";

type Stringify = (data: unknown) => string;

/**
 * Writes each response from its route's zod schema compiled to a fast-json-stringify function
 * (docs/decisions/0010). It writes exactly the properties the schema names, so a field a service
 * returns but the schema does not name never leaves the server, as with zod's parse, but without
 * copying every object first (on a page of 50 events, zod's copy and JSON.stringify took ~8 % of
 * the request's CPU in a profile).
 *
 * fast-json-stringify does not check what it writes (a null where a string belongs becomes ""),
 * so with `check` (the tests, `RESPONSE_CHECK=1`) every response is parsed by its zod schema as
 * well and the two texts compared: a response that does not match its schema, or that the two
 * would write differently, fails the request. Where fast-json-stringify cannot write a response
 * (or a schema has no JSON Schema, such as a transform), zod's parse and JSON.stringify write it.
 *
 * Each route's function is built on its first response, so start-up does not pay for all of them.
 */
export function responseSerializer(check: boolean): FastifySerializerCompiler<z.ZodType> {
  return ({ schema, method, url }) => {
    const viaZod = (data: unknown) => {
      const result = schema.safeParse(data);
      if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
      return JSON.stringify(result.data);
    };
    let fast: Stringify | null | undefined;
    return (data) => {
      if (fast === undefined) fast = compile(schema);
      if (!check) return fast ? tryFast(fast, data, viaZod) : viaZod(data);
      const expected = viaZod(data);
      const written = fast?.(data) ?? expected;
      if (written !== expected)
        throw new Error(`${method} ${url}: fast-json-stringify wrote ${written} where zod wrote ${expected}`);
      return written;
    };
  };
}

function tryFast(fast: Stringify, data: unknown, fallback: Stringify): string {
  try {
    return fast(data);
  } catch {
    // What fast-json-stringify refuses, zod either writes or names as a bad response.
    return fallback(data);
  }
}

/** The schema as a fast-json-stringify function, or null where it has no JSON Schema. */
export function compile(schema: z.ZodType): Stringify | null {
  try {
    const jsonSchema = z.toJSONSchema(schema, { io: "output", target: "draft-07", unrepresentable: "throw" });
    return fastJson(untuple(jsonSchema) as Parameters<typeof fastJson>[0]);
  } catch {
    return null;
  }
}

/**
 * fast-json-stringify refuses every value in a tuple of unconstrained items (`z.tuple([z.unknown(),
 * z.unknown()])`, the logboek's before and after): such an array is written as it is.
 */
function untuple(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(untuple);
  if (!node || typeof node !== "object") return node;
  const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, untuple(v)]));
  const items = copy.items;
  if (Array.isArray(items) && items.every((i) => i && typeof i === "object" && !Object.keys(i).length)) {
    delete copy.items;
    delete copy.additionalItems;
  }
  return copy;
}
