import type { FastifySchema } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { World } from "../../../tests/support/world.js";
import { compile, responseSerializer } from "./serializer.js";

const person = z.object({ id: z.number().int(), name: z.string(), email: z.string().nullable() });
const serializerFor = (schema: z.ZodType, check: boolean) =>
  responseSerializer(check)({ schema, method: "GET", url: "/test", httpStatus: "200" });

describe("response serializer", () => {
  it("writes only what the schema names, in the schema's order", () => {
    const write = serializerFor(person, false);
    const row = { email: null, passwordHash: "geheim", name: "Anna de Vries", id: 7 };
    expect(write(row)).toBe('{"id":7,"name":"Anna de Vries","email":null}');
  });

  it("writes what zod writes, escapes included", () => {
    const schema = z.object({ items: z.array(person), nextCursor: z.string().nullable() });
    const page = {
      items: [{ id: 1, name: 'Zoë "Z" \u2028 </script>', email: "z@example.nl" }],
      nextCursor: null,
    };
    expect(serializerFor(schema, false)(page)).toBe(JSON.stringify(schema.parse(page)));
  });

  it("without the check writes a wrong value as fast-json-stringify does; with it, the response fails", () => {
    const row = { id: 1, name: null, email: null };
    expect(serializerFor(person, false)(row)).toBe('{"id":1,"name":"","email":null}');
    expect(() => serializerFor(person, true)(row)).toThrow(/Response doesn't match the schema/);
  });

  it("refuses a response that misses a required field, with or without the check", () => {
    expect(() => serializerFor(person, false)({ id: 1, email: null })).toThrow();
    expect(() => serializerFor(person, true)({ id: 1, email: null })).toThrow();
  });

  it("leaves a schema JSON Schema cannot express to zod", () => {
    const trimmed = z.object({ name: z.string().transform((s) => s.trim()) });
    expect(compile(trimmed)).toBeNull();
    expect(serializerFor(trimmed, false)({ name: "  Leiden " })).toBe('{"name":"Leiden"}');
  });

  it("writes the logboek's before/after pairs (a tuple of unknowns) as they are", () => {
    const changes = z.record(z.string(), z.tuple([z.unknown(), z.unknown()]));
    const value = { titel: [null, "Regel 1"], leden: [[1], { a: 2 }] };
    expect(serializerFor(changes, true)(value)).toBe(JSON.stringify(value));
  });
});

describe("every route's response schemas", () => {
  let world: World;
  beforeAll(async () => {
    world = await World.create();
  });
  afterAll(() => world?.close());

  it("all compile to fast-json-stringify (none is left to zod)", () => {
    const slow: string[] = [];
    for (const route of world.app.routeTable) {
      const responses = (route.schema as FastifySchema | undefined)?.response as
        | Record<string, z.ZodType>
        | undefined;
      for (const [status, schema] of Object.entries(responses ?? {}))
        if (!compile(schema)) slow.push(`${route.method} ${route.url} ${status}`);
    }
    expect(slow).toEqual([]);
  });
});
