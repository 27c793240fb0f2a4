import type { FastifyRequest } from 'fastify';
import { prefersHtml } from './prefers-html';

function withAccept(accept?: string): FastifyRequest {
  return { headers: accept === undefined ? {} : { accept } } as FastifyRequest;
}

describe('prefersHtml', () => {
  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8', true],
    ['text/html', true],
    ['application/json;q=0.5, text/html', true],
    ['application/json', false],
    ['*/*', false],
    ['text/html;q=0.5, application/json', false],
    ['', false],
    [undefined, false],
    ['garbage;;;', false],
  ])('Accept %p → %p', (accept, expected) => {
    expect(prefersHtml(withAccept(accept))).toBe(expected);
  });
});
