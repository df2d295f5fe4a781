// The reporting round's steps from the editor: mark klar, reopen, send back, approve, each through
// Målkoll's write API (which decides whether this person may take it). A conflict brings the saved
// version in without touching what is typed; a refusal's message is kept for the step's place.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadedPlan, StoredEntry, WriteApi } from '../../store';
import type { Strings } from '../../ui';
import type { EditorSubject } from './editor-model';
import { classifySaveError } from './editor-model';

export type RoundStepName = 'mark-done' | 'reopen' | 'send-back' | 'approve';

/** The part of the write API the editor's steps use. */
export type RoundWriter = Pick<WriteApi, 'roundStep'>;

export type StepOutcome =
  | { readonly kind: 'moved'; readonly step: RoundStepName; readonly text: string }
  | { readonly kind: 'refused'; readonly step: RoundStepName; readonly text: string; readonly commentRequired: boolean }
  | { readonly kind: 'conflict'; readonly step: RoundStepName; readonly server: StoredEntry }
  | { readonly kind: 'failed'; readonly step: RoundStepName; readonly text: string };

export interface RoundStepInput {
  readonly writer: RoundWriter | undefined;
  readonly plan: LoadedPlan;
  readonly subject: EditorSubject;
  readonly periodKey: string;
  readonly strings: Strings;
  /** The entry after a step, or the server's version after a conflict: the editor takes it as its base. */
  readonly onEntry: (entry: StoredEntry) => void;
}

export function useRoundStep({ writer, plan, subject, periodKey, strings, onEntry }: RoundStepInput) {
  const [busy, setBusy] = useState<RoundStepName | undefined>();
  const [outcome, setOutcome] = useState<StepOutcome | undefined>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (step: RoundStepName, from: StoredEntry | undefined, comment?: string): Promise<boolean> => {
      if (!writer) return false;
      setBusy(step);
      setOutcome(undefined);
      try {
        const result = await writer.roundStep(plan, step, { subjectKind: subject.kind, subjectRef: subject.ref, periodKey, base: from }, comment);
        if (result.status === 'saved') {
          onEntry(result.saved);
          setOutcome({ kind: 'moved', step, text: strings.roundEditor.stepDone[step] });
          return true;
        }
        if (result.status === 'conflict') {
          onEntry(result.server);
          setOutcome({ kind: 'conflict', step, server: result.server });
          return false;
        }
        setOutcome({ kind: 'refused', step, text: result.refusal.message, commentRequired: result.refusal.code === 'comment-required' });
        return false;
      } catch (error) {
        const failure = classifySaveError(error);
        const text = failure.kind === 'network' ? strings.editor.errors.network : failure.kind === 'throttled' ? strings.editor.errors.throttled : strings.roundEditor.failed(failure.detail);
        setOutcome({ kind: 'failed', step, text });
        return false;
      } finally {
        if (mounted.current) setBusy(undefined);
      }
    },
    [writer, plan, subject, periodKey, strings, onEntry],
  );

  return { run, busy, outcome, clear: () => setOutcome(undefined) };
}
