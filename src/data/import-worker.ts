/**
 * The worker's handlers for the importer's requests. worker.ts hands them the engine; they
 * answer with plain data, and errors come back as the protocol's error responses.
 */
import { planFile } from '../import/structure';
import { catalog, runConsole } from './console';
import type { Engine } from './engine';
import { importFiles } from './import-run';
import { unknownValues } from './unknown-values';
import { buildFacts } from './ingest';
import { restoreTables } from './stored-rows';
import type { ImportProgressDetail, ImportRequest, ImportResponse, Preview, RejectedFile } from './import-protocol';

let lastRejected: RejectedFile[] = [];

type Post = (message: ImportResponse | { id: number; type: 'progress'; stage: ImportProgressDetail['stage']; detail: ImportProgressDetail }) => void;

export function isImportRequest(request: { type: string }): request is ImportRequest {
  return ['preview', 'import', 'restore', 'rejects', 'catalog', 'console'].includes(request.type);
}

export function previewOf(bytes: Uint8Array, name: string, options: Parameters<typeof planFile>[2]): Preview {
  return previewOfPlan(planFile(bytes, name, options));
}

function previewOfPlan(plan: ReturnType<typeof planFile>): Preview {
  if (plan.ok) return { ok: true, structure: plan.structure };
  return plan.structure ? { ok: false, error: plan.error, items: plan.items, structure: plan.structure } : { ok: false, error: plan.error, items: plan.items };
}

export async function handleImportRequest(engine: Engine, request: ImportRequest, post: Post): Promise<void> {
  const { id } = request;
  switch (request.type) {
    case 'preview': {
      const plan = planFile(new Uint8Array(request.file.bytes), request.file.name, request.file.options);
      const preview = previewOfPlan(plan);
      if (plan.ok && preview.ok) preview.values = await unknownValues(engine, plan);
      return post({ id, type: 'preview', preview });
    }
    case 'import': {
      const started = performance.now();
      const outcome = await importFiles(
        engine,
        request.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes), options: f.options })),
        { mode: request.mode, replacesSample: request.replacesSample, thisYear: new Date().getFullYear() },
        (detail) => post({ id, type: 'progress', stage: detail.stage, detail }),
      );
      lastRejected = [...outcome.rejected].map(([index, r]) => ({ index, file: r.file, headers: r.headers, rows: r.rows }));
      const kept = [...outcome.kept].map(([index, csv]) => ({ index, csv }));
      return post({ id, type: 'imported', result: { files: outcome.files, changed: outcome.changed, ms: performance.now() - started, kept, steps: outcome.steps } });
    }
    case 'restore': {
      const rows = await restoreTables(engine, request.files);
      await buildFacts(engine);
      return post({ id, type: 'restored', rows });
    }
    case 'rejects':
      return post({ id, type: 'rejects', files: lastRejected });
    case 'catalog':
      return post({ id, type: 'catalog', tables: await catalog(engine) });
    case 'console':
      return post({ id, type: 'console', result: await runConsole(engine, request.sql) });
  }
}
