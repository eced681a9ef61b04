import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { embedSnippet } from '../../src/embed/snippet';

const snippet = embedSnippet({
  embedUrl: 'https://data.example.edu.cn/intl/embed.html',
  chart: 'trend',
  view: new URLSearchParams('v=1&lang=en&from=2016&dir=outbound&country=TW'),
  lang: 'zh-CN',
  parentOrigin: 'https://www.example.edu.cn',
  title: '历年国际交流人次 "<b>"',
});

test('the iframe carries the chart, the view, the language and the parent origin', () => {
  const dom = new JSDOM(snippet);
  const frame = dom.window.document.querySelector('iframe')!;
  const src = new URL(frame.getAttribute('src')!);
  expect(src.origin + src.pathname).toBe('https://data.example.edu.cn/intl/embed.html');
  expect(Object.fromEntries(src.searchParams)).toEqual({
    chart: 'trend',
    from: '2016',
    dir: 'outbound',
    lang: 'zh-CN',
    origin: 'https://www.example.edu.cn',
  });
  expect(frame.getAttribute('title')).toBe('历年国际交流人次 "<b>"');
  expect(dom.window.document.querySelectorAll('b')).toHaveLength(0);
});

test('the listener checks the message origin and source', () => {
  expect(snippet).toContain('event.origin !== "https://data.example.edu.cn"');
  expect(snippet).toContain('event.source !== frame.contentWindow');
});
