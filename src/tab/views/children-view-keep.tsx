// Keeping the organisation tree from the children view: a controller of the organisation (or of
// one above it) adds an organisation under it, renames one, or moves one to another parent.
// Through Målkoll's write API, which asks the tree's rules and who may again, on the tree as it is
// now: a move under one's own child is refused in Swedish, an older version is a conflict.
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Subtitle1 } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Organisation, OrganisationKind, OrganisationTree } from '../../core';
import { ORGANISATION_KIND, ORGANISATION_KINDS, ancestors, descendants, isController } from '../../core';
import type { OrganisationWriteResult, Stored, WriteApi } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { useChildrenStyles } from './children-view.styles';
import { useViewStyles } from './views.styles';

export type TreeWriter = Pick<WriteApi, 'addOrganisation' | 'renameOrganisation' | 'moveOrganisation'>;

export interface TreeKeepingProps {
  readonly tree: OrganisationTree;
  readonly organisations: ReadonlyArray<Stored<Organisation>>;
  readonly organisationCode: string;
  readonly upn: string;
  readonly writer: TreeWriter;
  readonly strings: Strings;
  readonly language: UiLanguage;
  /** Something was saved: the tree should be read again. */
  readonly onChanged: () => void;
}

/** Whether `upn` may keep the tree at `code`: a controller of it or of one above it (the store's rule). */
export function keepsTreeAt(upn: string, tree: OrganisationTree, organisation: Organisation): boolean {
  return [organisation, ...ancestors(tree, organisation.code)].some((o) => isController(upn, { controllers: o.controllerUpns ?? [] }));
}

type Answer = { readonly intent: 'success' | 'error' | 'warning'; readonly text: string };

export function TreeKeeping({ tree, organisations, organisationCode, upn, writer, strings, language, onChanged }: TreeKeepingProps) {
  const styles = useViewStyles();
  const own = useChildrenStyles();
  const s = strings.children;
  const organisation = organisations.find((o) => o.code.toLowerCase() === organisationCode.toLowerCase());
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | undefined>();
  const below = organisation ? descendants(tree, organisation.code) : [];
  const here = organisation ? [organisation, ...below] : [];
  const [add, setAdd] = useState({ code: '', name: '', kind: '' as OrganisationKind | '', under: organisationCode });
  const [rename, setRename] = useState({ code: organisationCode, name: '' });
  const [move, setMove] = useState({ code: below[0]?.code ?? '', under: organisationCode });
  if (!organisation || !keepsTreeAt(upn, tree, organisation)) return null;

  const stored = (code: string) => organisations.find((o) => o.code === code);
  const label = (o: Organisation) => `${o.name} (${o.code})`;
  const moved = stored(move.code);
  // Not under itself nor under what lies below it: the tree's rule, said before the write asks it.
  const notUnder = new Set(moved ? [moved.code, ...descendants(tree, moved.code).map((o) => o.code)] : []);
  const parents = organisations.filter((o) => !notUnder.has(o.code));

  const settle = (result: OrganisationWriteResult) => {
    if (result.status === 'saved') {
      setAnswer({ intent: 'success', text: s.keepSaved(result.saved.name) });
      onChanged();
    } else if (result.status === 'conflict') setAnswer({ intent: 'warning', text: s.keepConflict(result.server.name) });
    else setAnswer({ intent: 'error', text: result.refusal.message });
  };
  const run = (write: () => Promise<OrganisationWriteResult>) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setAnswer(undefined);
    try {
      settle(await write());
    } catch (error) {
      setAnswer({ intent: 'error', text: s.keepFailed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };
  const options = (list: readonly Organisation[]) =>
    list.map((o) => (
      <option key={o.code} value={o.code}>
        {label(o)}
      </option>
    ));

  return (
    <div className={own.thing} data-testid="tree-keeping">
      <Subtitle1 as="h3">{s.keepTitle}</Subtitle1>
      <div className={styles.toolbar}>
        <Button aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {open ? s.keepClose : s.keepOpen}
        </Button>
      </div>
      {answer ? (
        <MessageBar intent={answer.intent} layout="multiline" role={answer.intent === 'success' ? 'status' : 'alert'}>
          <MessageBarBody>{answer.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {open ? (
        <>
          <form aria-label={s.addTitle} className={styles.toolbar} onSubmit={run(() => writer.addOrganisation({ code: add.code, name: add.name, parentCode: add.under, ...(add.kind ? { kind: add.kind } : {}) }))}>
            <Field label={s.addUnder}>
              <Select value={add.under} onChange={(_e, d) => setAdd({ ...add, under: d.value })}>
                {options(here)}
              </Select>
            </Field>
            <Field label={s.code} required>
              <Input value={add.code} onChange={(_e, d) => setAdd({ ...add, code: d.value })} />
            </Field>
            <Field label={s.name} required>
              <Input value={add.name} onChange={(_e, d) => setAdd({ ...add, name: d.value })} />
            </Field>
            <Field label={s.kind}>
              <Select value={add.kind} onChange={(_e, d) => setAdd({ ...add, kind: d.value as OrganisationKind | '' })}>
                <option value="">{s.kindUnknown}</option>
                {ORGANISATION_KINDS.filter((k) => k !== 'region').map((k) => (
                  <option key={k} value={k}>
                    {ORGANISATION_KIND[k][language]}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" appearance="primary" disabled={busy}>
              {s.addSubmit}
            </Button>
          </form>
          <form aria-label={s.renameTitle} className={styles.toolbar} onSubmit={run(() => writer.renameOrganisation({ code: rename.code, name: rename.name, eTag: stored(rename.code)?.eTag ?? '' }))}>
            <Field label={s.renameWhich}>
              <Select value={rename.code} onChange={(_e, d) => setRename({ ...rename, code: d.value })}>
                {options(here)}
              </Select>
            </Field>
            <Field label={s.newName} required>
              <Input value={rename.name} onChange={(_e, d) => setRename({ ...rename, name: d.value })} />
            </Field>
            <Button type="submit" disabled={busy}>
              {s.renameSubmit}
            </Button>
          </form>
          {below.length > 0 ? (
            <form aria-label={s.moveTitle} className={styles.toolbar} onSubmit={run(() => writer.moveOrganisation({ code: move.code, parentCode: move.under, eTag: stored(move.code)?.eTag ?? '' }))}>
              <Field label={s.moveWhich}>
                <Select value={move.code} onChange={(_e, d) => setMove({ ...move, code: d.value })}>
                  {options(below)}
                </Select>
              </Field>
              <Field label={s.moveUnder}>
                <Select value={notUnder.has(move.under) ? '' : move.under} onChange={(_e, d) => setMove({ ...move, under: d.value })}>
                  {notUnder.has(move.under) ? <option value="">{s.choose}</option> : null}
                  {options(parents)}
                </Select>
              </Field>
              <Button type="submit" disabled={busy || notUnder.has(move.under) || move.under === ''}>
                {s.moveSubmit}
              </Button>
            </form>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
