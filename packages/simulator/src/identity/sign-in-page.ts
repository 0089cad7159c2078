import type { SimulatedPerson } from './people.js';

/** The authorize request carried through the sign-in form (re-validated when it is posted). */
export interface AuthorizeRequest {
  client_id: string;
  redirect_uri: string;
  response_type: string;
  state?: string | undefined;
  code_challenge?: string | undefined;
  code_challenge_method?: string | undefined;
}

export interface SignInPageOptions {
  request: AuthorizeRequest;
  people: readonly SimulatedPerson[];
  /** Shown to people trying the demo: the simulator is loopback-only and its people are invented. */
  passwordHint: string | undefined;
  username?: string;
  error?: string;
}

/** Everything interpolated into the page goes through this: a state value is the caller's text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A plain sign-in page in place of Genesys Cloud's login: a username and password form for the
 * seeded people, and the list of who they are. No script, no external resource.
 */
export function signInPage({ request, people, passwordHint, username, error }: SignInPageOptions): string {
  const hidden = Object.entries(request)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n        ');
  const list = people
    .map((person) => {
      const scope = person.allDivisions ? 'all divisions' : `division ${person.divisions.map((division) => division.name).join(', ')}`;
      return `<li><code>${escapeHtml(person.username)}</code> ${escapeHtml(person.name)}, Architect in ${escapeHtml(scope)}</li>`;
    })
    .join('\n        ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Sign in · Genesys Cloud simulator</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; background: #f3f5f8; color: #1d2433; margin: 0; }
      main { max-width: 26rem; margin: 8vh auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
      h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
      p.note { color: #5b6474; margin-top: 0; font-size: .9rem; }
      label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
      input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; border: 1px solid #b8c0cc; border-radius: 4px; }
      button { margin-top: 1.25rem; width: 100%; padding: .6rem; font-size: 1rem; background: #ff4f1f; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
      .error { background: #fdecea; color: #8a1c12; padding: .5rem .75rem; border-radius: 4px; }
      ul { padding-left: 1.2rem; font-size: .9rem; }
      code { background: #eef1f5; padding: 0 .25rem; border-radius: 3px; }
    </style>
  </head>
  <body>
    <main>
      <h1>Sign in</h1>
      <p class="note">Genesys Cloud simulator: the people below exist only in this simulated org.</p>
      ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
      <form method="post" action="/oauth/authorize">
        ${hidden}
        <label for="username">Username</label>
        <input type="text" id="username" name="username" autocomplete="username" required value="${escapeHtml(username ?? '')}">
        <label for="password">Password</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button>
      </form>
      <h2 style="font-size:1rem;margin-top:1.5rem">People in this org</h2>
      <ul>
        ${list}
      </ul>
      ${passwordHint ? `<p class="note">Password for each: <code>${escapeHtml(passwordHint)}</code></p>` : ''}
    </main>
  </body>
</html>
`;
}

/** The page for a request that cannot be sent back to its client (unknown client or redirect URI). */
export function errorPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Genesys Cloud simulator</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:8vh auto">
<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>
`;
}
