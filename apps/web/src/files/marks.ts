import type { GraphResponse } from '@flowgraph/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FileMarks } from '../graph/visual-state.js';
import { filesQuery } from './queries.js';

/** What the graph marks in files mode: stale flows (a broken file's last good version), and what files deployed over an org changed or added. */
export function useFileMarks(data: GraphResponse): FileMarks | undefined {
  const isFiles = data.source.kind === 'files';
  const files = useQuery(filesQuery(isFiles));
  const overlay = files.data?.overlay;
  const stale = data.source.staleFlows;
  return useMemo(() => {
    if (!isFiles) return undefined;
    return { stale: (stale ?? []).map((flow) => flow.id), changed: overlay?.changed ?? [], added: overlay?.added ?? [] };
  }, [isFiles, stale, overlay]);
}
