/**
 * A readable, dependency-free HTML page of an OpenAPI 3 document (no scripts: it is served
 * with a CSP that forbids them): each operation with its parameters and responses.
 */
import { escapeHtml as escape } from './pages/html.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string; enum?: string[]; default?: unknown; pattern?: string };
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
  security?: unknown[];
}
interface OpenApiDocument {
  info?: { title?: string; description?: string; version?: string };
  paths?: Record<string, Record<string, Operation>>;
}

export function renderOpenApiHtml(doc: OpenApiDocument): string {
  const sections: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? [])
        .map((p) => {
          const allowed = p.schema?.enum ? ` (${p.schema.enum.map(escape).join(' | ')})` : '';
          return `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}${p.required ? ', required' : ''}</td><td>${escape(p.description)}${allowed}</td></tr>`;
        })
        .join('');
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<tr><td>${escape(status)}</td><td>${escape(r.description)}</td><td>${escape(Object.keys(r.content ?? {}).join(', '))}</td></tr>`)
        .join('');
      sections.push(`<section>
<h2><span class="m">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h2>
<p><strong>${escape(op.summary)}</strong>${op.security ? ' <em>(bearer token when configured)</em>' : ''}</p>
${op.description ? `<p>${escape(op.description)}</p>` : ''}
${params ? `<table><tr><th>parameter</th><th>in</th><th>meaning</th></tr>${params}</table>` : ''}
${responses ? `<table><tr><th>status</th><th>meaning</th><th>types</th></tr>${responses}</table>` : ''}
</section>`);
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(doc.info?.title)} API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
section{border-top:1px solid #ddd;padding:.5rem 0}h2{font-size:1.1rem}.m{background:#246;color:#fff;padding:0 .4rem;border-radius:3px}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}code{font-size:.95em}</style></head>
<body><h1>${escape(doc.info?.title)} ${escape(doc.info?.version)}</h1><p>${escape(doc.info?.description)}</p>
<p>Machine-readable: <a href="/docs/openapi.json">/docs/openapi.json</a></p>
${sections.join('\n')}
</body></html>
`;
}
