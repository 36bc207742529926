/** Figures as the pane shows them: compact, in the user's locale, no currency guesswork; and its messages. */
export function formatAmount(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatPercent(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(
    value
  );
}

/** An Excel date serial (1900 system) as a day in the locale: "4 avr. 2003", "Apr 4, 2003". */
export function formatSerialDate(serial: number | null | undefined, locale?: string): string {
  if (serial === null || serial === undefined || !Number.isFinite(serial)) return "–";
  const day = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(day);
}

export function timestamp(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A message of the model ("the period kept … is not …") as the pane prints it alone: a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/\.$/, "");
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}

/** A failure as the pane prints it: an Error's (or Office error's) message, else the value itself. */
export function errorText(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error)
    return String(error.message);
  return String(error);
}
