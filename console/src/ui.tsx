import { ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiProblem } from './api/client';
import { localTime, money, utcTime } from './format';

/** Data loaded from the API, with its failure and a way to load it again. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}

/** A form's submission: busy while it runs, and the server's problem if it refused. */
export function useSubmit() {
  const [problem, setProblem] = useState<ApiProblem | Error>();
  const [busy, setBusy] = useState(false);
  const submit = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      setProblem(error as Error);
    } finally {
      setBusy(false);
    }
  };
  const fields = problem instanceof ApiProblem ? problem.fields : {};
  return { submit, busy, problem, fields };
}

/**
 * A wizard refused on its last step goes back to the first step holding a field the server named,
 * so that its message shows beside that field; what was entered on every step is kept.
 */
export function useRefusedStep(
  problem: Error | undefined,
  stepOf: (field: string) => number | undefined,
  setStep: (step: number) => void,
) {
  useEffect(() => {
    if (!(problem instanceof ApiProblem)) return;
    const steps = Object.keys(problem.fields)
      .map(stepOf)
      .filter((step): step is number => step !== undefined);
    if (steps.length > 0) setStep(Math.min(...steps));
  }, [problem]);
}

/**
 * The problem a form was refused with: its detail, and each named field the form has no input for
 * (those with one show their message beside it).
 */
export function FormProblem({ problem, shown = [] }: { problem?: Error; shown?: readonly string[] }) {
  if (!problem) return null;
  const others =
    problem instanceof ApiProblem
      ? Object.entries(problem.fields).filter(([field]) => !shown.includes(field))
      : [];
  return (
    <div role="alert" className="problem">
      <p>{problem.message}</p>
      {others.length > 0 && (
        <ul>
          {others.map(([field, message]) => (
            <li key={field}>
              <code>{field}</code>: {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorNote({ error }: { error?: Error }) {
  return error ? (
    <p role="alert" className="problem">
      {error.message}
    </p>
  ) : null;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled input with the server's message for it, tied to it for assistive technology. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

/** A modal dialog (the browser's own: focus kept inside, Escape closes), named by its title. */
export function Dialog({
  title,
  onClose,
  children,
  className,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={id}
      className={className}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={id}>{title}</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}

/** An id made of a tab's name: ids hold no spaces. */
const tabId = (tab: string) => tab.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Tabs: a tab list whose buttons show one panel at a time. */
export function Tabs<T extends string>({
  label,
  tabs,
  current,
  onChange,
}: {
  label: string;
  tabs: readonly T[];
  current: T;
  onChange: (tab: T) => void;
}) {
  return (
    <div role="tablist" aria-label={label} className="tabs">
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`tab-${tabId(tab)}`}
          aria-selected={tab === current}
          aria-controls={`panel-${tabId(tab)}`}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {tab}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ tab, children }: { tab: string; children: ReactNode }) {
  return (
    <section role="tabpanel" id={`panel-${tabId(tab)}`} aria-labelledby={`tab-${tabId(tab)}`}>
      {children}
    </section>
  );
}

/** A time in the browser's zone, with UTC on hover. */
export function Time({ iso }: { iso?: string | null }) {
  if (!iso) return <>—</>;
  return (
    <time dateTime={iso} title={utcTime(iso)}>
      {localTime(iso)}
    </time>
  );
}

export function Money({ amount, currency }: { amount?: string; currency: string }) {
  return <span className="money">{money(amount, currency)}</span>;
}

export const PAGE_SIZE = 20;

/** Previous and next page, for a list paged by the server or in the browser. */
export function Pager({
  label,
  page,
  pageSize = PAGE_SIZE,
  totalCount,
  onPage,
}: {
  label: string;
  page: number;
  pageSize?: number;
  totalCount: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <span>
        Page {Math.min(page, pages)} of {pages} · {totalCount} in all
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next page
      </button>
    </nav>
  );
}

/**
 * Previous and next page of a list the server pages by cursor (newest first): no count to show, so
 * the page's number, and the cursors of the pages before it to go back.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    next: (cursor: string) => setCursors((c) => [...c, cursor]),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    first: () => setCursors([undefined]),
  };
}

export function CursorPager({
  label,
  page,
  nextCursor,
  onNext,
  onPrevious,
}: {
  label: string;
  page: number;
  nextCursor?: string;
  onNext: (cursor: string) => void;
  onPrevious: () => void;
}) {
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" disabled={page <= 1} onClick={onPrevious}>
        Previous page
      </button>
      <span>Page {page}</span>
      <button type="button" disabled={!nextCursor} onClick={() => nextCursor && onNext(nextCursor)}>
        Next page
      </button>
    </nav>
  );
}

/** A page of a list the API answers whole. */
export function usePaged<T>(items: readonly T[] | undefined, pageSize = PAGE_SIZE) {
  const [page, setPage] = useState(1);
  const all = items ?? [];
  return {
    page,
    setPage,
    totalCount: all.length,
    items: all.slice((page - 1) * pageSize, page * pageSize),
  };
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
