import { escapeHtml } from './html.js';

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(title)} · Flowgraph</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; background: #f4f6f9; color: #1d2433; margin: 0; }
      main { max-width: 30rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
      h1 { font-size: 1.3rem; margin-top: 0; }
      a.button { display: inline-block; margin-top: 1rem; padding: .5rem 1rem; background: #2456c6; color: #fff; border-radius: 4px; text-decoration: none; }
    </style>
  </head>
  <body><main>${body}</main></body>
</html>
`;
}

export function signedOutPage(): string {
  return page(
    'Signed out',
    '<h1>You are signed out</h1><p>Your Flowgraph session has ended and its Genesys Cloud token was revoked.</p><a class="button" href="/auth/login">Sign in again</a>',
  );
}

export function signInFailedPage(message: string): string {
  return page(
    'Sign-in failed',
    `<h1>Sign-in failed</h1><p>${escapeHtml(message)}</p><a class="button" href="/auth/login">Sign in again</a>`,
  );
}
