import { useQuery } from '@tanstack/react-query';
import { meQuery } from '../api/me.js';

/**
 * Team mode: who is signed in, what they see, and a sign-out button (a plain form POST: the
 * server revokes the session and its Genesys token, then shows the signed-out page).
 * Nothing on a server without sign-in.
 */
export function SignedInAs() {
  const me = useQuery(meQuery()).data;
  if (me?.auth !== 'genesys') return null;
  const scope = me.allDivisions ? 'all divisions' : me.divisions.map((division) => division.name).join(', ') || 'no divisions';
  return (
    <form className="signed-in" method="post" action="/auth/logout" data-testid="signed-in">
      <span className="signed-in-name" title={`${me.person.email ?? me.person.name} · sees flows in ${scope}`}>
        {me.person.name}
        <small className="signed-in-scope">{scope}</small>
      </span>
      <button type="submit" className="button" data-testid="sign-out">
        Sign out
      </button>
    </form>
  );
}
