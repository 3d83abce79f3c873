import { createContext, useContext } from 'react';
import type { Session } from './api/answers';

export const SessionContext = createContext<Session | undefined>(undefined);

/** Who is signed in; pages render inside the signed-in shell only. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('no session');
  return session;
}

/** Whether the session may write: a read token sees no write buttons (and the server refuses anyway). */
export const canWrite = (session: Session) => session.role === 'admin' || session.role === 'system';
