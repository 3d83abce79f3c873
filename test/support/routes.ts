import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { Tally } from '../../src/bootstrap';

export interface Route {
  readonly method: string;
  /** With Fastify's `:param` placeholders. */
  readonly path: string;
}

/**
 * The API documentation and the console's pages (`/` redirects to them), served straight from
 * Fastify: public by design — the console's data comes from the API routes, behind sign-in.
 */
export const isDocsRoute = (path: string) =>
  path === '/docs' ||
  path.startsWith('/docs/') ||
  path.startsWith('/docs-') ||
  path === '/' ||
  path === '/console' ||
  path.startsWith('/console/');

/**
 * Every route the HTTP server answers, read back from Fastify's router (so routes registered outside
 * Nest count too). Its printed tree is the only public listing Fastify has: one node per line, four
 * columns of indentation per level, the node's path segment, then its methods in parentheses. A
 * parameter that several Nest routes name differently shows as `:a|:b`; the first name is kept.
 */
export function fastifyRoutes(tally: Tally): Route[] {
  const fastify = tally.app!.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const tree = fastify.printRoutes({ commonPrefix: false });
  const routes: Route[] = [];
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const node = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    const depth = node[1].length / 4;
    const segment = node[2].replace(/:([\w]+)(?:\|:[\w]+)*/g, ':$1');
    const path = (prefixes[depth - 1] ?? '') + segment;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of node[3]?.split(', ') ?? []) routes.push({ method, path });
  }
  return routes;
}

/** Every route declared on a Nest controller, from the routing metadata Nest itself registers them by. */
export function nestRoutes(tally: Tally): Route[] {
  const modules = tally.app!.get(ModulesContainer);
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      if (!wrapper.metatype) continue;
      const prototype = wrapper.metatype.prototype as Record<string, unknown>;
      const bases = asList(Reflect.getMetadata(PATH_METADATA, wrapper.metatype));
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        const paths = Reflect.getMetadata(PATH_METADATA, handler);
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const base of bases) {
          for (const path of asList(paths)) routes.push({ method, path: join(base, path) });
        }
      }
    }
  }
  return routes;
}

function asList(value: unknown): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? value : [String(value)];
}

function join(base: string, path: string): string {
  const parts = [base, path].flatMap((part) => part.split('/')).filter(Boolean);
  return `/${parts.join('/')}`;
}

/** A route's path with each parameter replaced (URL-encoded) by `valueOf(name)`. */
export function fill(path: string, valueOf: (param: string) => string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(valueOf(name)));
}
