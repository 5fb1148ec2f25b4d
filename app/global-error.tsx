"use client";

// Rendered when the root layout itself failed: outside next-intl's provider, so no message catalogue and no
// known language. The few lines stand in all three languages side by side.
/* eslint-disable no-restricted-syntax -- no messages can load here: the layout that provides them failed */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui", padding: "2rem" }}>
        <h1>Something went wrong</h1>
        <p>The back office could not load. Try again, or contact your administrator.</p>
        <p lang="de">
          Ein Fehler ist aufgetreten. Das Back Office konnte nicht geladen werden. Versuchen Sie es erneut
          oder wenden Sie sich an Ihren Administrator.
        </p>
        <p lang="lt">
          Įvyko klaida. Nepavyko įkelti administravimo sistemos. Bandykite dar kartą arba kreipkitės į savo
          administratorių.
        </p>
        {error.digest ? <p>Reference / Referenz / Nuoroda: {error.digest}</p> : null}
        <button type="button" onClick={reset}>
          Try again / Erneut versuchen / Bandyti dar kartą
        </button>
      </body>
    </html>
  );
}
