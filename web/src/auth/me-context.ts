import { createContext, useContext } from 'react';
import type { Me } from '../api/auth.api';

/** The signed-in user, provided by the app shell once /api/me answered. */
export const MeContext = createContext<Me | undefined>(undefined);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() is only available inside the signed-in app shell');
  return me;
}
